namespace MLPipelines.Results.Statistics;

/// <summary>
/// Maximum-likelihood Bradley-Terry strengths from win totals of a complete, balanced schedule (every pair of k
/// models meets once per dataset): with t the natural-log strengths and P(i beats j) = e^t_i / (e^t_i + e^t_j),
/// the log-likelihood is Σ_i W_i t_i − N Σ_{i&lt;j} log(e^t_i + e^t_j), where W_i counts wins (ties as half) over N
/// datasets, so the win totals are sufficient (TabArena's rank path). A tiny ridge λ‖t‖², the L2 penalty of
/// TabArena's logistic regression (C = 1e6), keeps the maximum finite when a model wins or loses every battle.
/// Solved by damped Newton steps (the problem is strictly concave).
/// </summary>
internal static class BradleyTerry
{
    /// <summary>TabArena's ridge on natural-log strengths: 0.5 / (1e6 · ln(10)²).</summary>
    public static readonly double Ridge = 0.5 / (1e6 * Math.Log(10) * Math.Log(10));

    /// <summary>Strengths t (natural log, centred to mean 0).</summary>
    /// <param name="wins">W_i: wins of each model summed over datasets (ties count 1/2).</param>
    /// <param name="datasets">N: the (possibly bootstrap-weighted) number of datasets; each pair met N times.</param>
    public static double[] Fit(IReadOnlyList<double> wins, double datasets)
    {
        ArgumentNullException.ThrowIfNull(wins);
        var k = wins.Count;
        var t = new double[k];
        var objective = Objective(wins, datasets, t);
        for (var iteration = 0; iteration < 500; iteration++)
        {
            var (gradient, negativeHessian) = Derivatives(wins, datasets, t);
            if (gradient.Max(Math.Abs) < 1e-12 * Math.Max(1, datasets))
            {
                break;
            }

            var step = Cholesky.Solve(negativeHessian, gradient);
            var scale = 1.0;
            double[] next;
            double nextObjective;
            do
            {
                next = [.. t.Select((v, i) => v + (scale * step[i]))];
                nextObjective = Objective(wins, datasets, next);
                scale /= 2;
            }
            while (nextObjective < objective - (1e-15 * Math.Abs(objective)) && scale > 1e-10);

            var moved = t.Zip(next).Max(p => Math.Abs(p.First - p.Second));
            (t, objective) = (next, nextObjective);
            if (moved < 1e-13)
            {
                break;
            }
        }

        var mean = t.Average();
        return [.. t.Select(v => v - mean)];
    }

    private static double Objective(IReadOnlyList<double> wins, double datasets, double[] t)
    {
        var value = 0.0;
        for (var i = 0; i < t.Length; i++)
        {
            value += (wins[i] * t[i]) - (Ridge * t[i] * t[i]);
            for (var j = i + 1; j < t.Length; j++)
            {
                var high = Math.Max(t[i], t[j]);
                value -= datasets * (high + Math.Log(Math.Exp(t[i] - high) + Math.Exp(t[j] - high)));
            }
        }

        return value;
    }

    private static (double[] Gradient, double[,] NegativeHessian) Derivatives(IReadOnlyList<double> wins, double datasets, double[] t)
    {
        var k = t.Length;
        var gradient = new double[k];
        var hessian = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            gradient[i] = wins[i] - (2 * Ridge * t[i]);
            hessian[i, i] = 2 * Ridge;
            for (var j = 0; j < k; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var p = 1 / (1 + Math.Exp(t[j] - t[i]));
                var curvature = datasets * p * (1 - p);
                gradient[i] -= datasets * p;
                hessian[i, i] += curvature;
                hessian[i, j] -= curvature;
            }
        }

        return (gradient, hessian);
    }

    /// <summary>Solves A x = b for a symmetric positive definite A (small k: the models of an experiment).</summary>
    private static class Cholesky
    {
        public static double[] Solve(double[,] a, double[] b)
        {
            var n = b.Length;
            var l = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    var sum = a[i, j];
                    for (var m = 0; m < j; m++)
                    {
                        sum -= l[i, m] * l[j, m];
                    }

                    l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-300)) : sum / l[j, j];
                }
            }

            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                var sum = b[i];
                for (var m = 0; m < i; m++)
                {
                    sum -= l[i, m] * y[m];
                }

                y[i] = sum / l[i, i];
            }

            var x = new double[n];
            for (var i = n - 1; i >= 0; i--)
            {
                var sum = y[i];
                for (var m = i + 1; m < n; m++)
                {
                    sum -= l[m, i] * x[m];
                }

                x[i] = sum / l[i, i];
            }

            return x;
        }
    }
}
