namespace MLPipelines.Results.Statistics.Distributions;

/// <summary>Composite Gauss–Legendre quadrature on a finite interval.</summary>
internal sealed class GaussLegendre
{
    private readonly double[] _nodes;
    private readonly double[] _weights;

    /// <summary>Builds an <paramref name="order"/>-point rule on [−1, 1].</summary>
    public GaussLegendre(int order)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 2);
        _nodes = new double[order];
        _weights = new double[order];
        for (int i = 0; i < order; i++)
        {
            // Newton on P_n from the Chebyshev-like first guess cos(π (i + 3/4) / (n + 1/2)).
            double x = Math.Cos(Math.PI * (i + 0.75) / (order + 0.5));
            double derivative;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                (double value, derivative) = Legendre(order, x);
                double step = value / derivative;
                x -= step;
                if (Math.Abs(step) < 1e-16)
                {
                    break;
                }
            }

            (_, derivative) = Legendre(order, x);
            _nodes[i] = x;
            _weights[i] = 2 / ((1 - (x * x)) * derivative * derivative);
        }
    }

    /// <summary>Abscissae on [lower, upper] split into <paramref name="panels"/> equal panels, with their weights.</summary>
    public (double[] Points, double[] Weights) Grid(double lower, double upper, int panels)
    {
        int n = _nodes.Length;
        var points = new double[n * panels];
        var weights = new double[n * panels];
        double width = (upper - lower) / panels;
        for (int panel = 0; panel < panels; panel++)
        {
            double center = lower + ((panel + 0.5) * width);
            for (int i = 0; i < n; i++)
            {
                points[(panel * n) + i] = center + (0.5 * width * _nodes[i]);
                weights[(panel * n) + i] = 0.5 * width * _weights[i];
            }
        }

        return (points, weights);
    }

    // P_n(x) and P_n'(x) by the three-term recurrence (j+1) P_{j+1} = (2j+1) x P_j − j P_{j−1}.
    private static (double Value, double Derivative) Legendre(int n, double x)
    {
        double previous = 1;
        double current = x;
        for (int j = 1; j < n; j++)
        {
            double next = (((2 * j) + 1) * x * current - (j * previous)) / (j + 1);
            previous = current;
            current = next;
        }

        double derivative = n * ((x * current) - previous) / ((x * x) - 1);
        return (current, derivative);
    }
}
