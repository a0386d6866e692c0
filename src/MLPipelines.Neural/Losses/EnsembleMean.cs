namespace MLPipelines.Neural.Losses;

/// <summary>
/// Combines the outputs of k ensemble members, <c>[rows, k, width]</c> row-major, into one prediction per row,
/// <c>[rows, width]</c>, expressed in the members' own output space so that any loss or metric for one network
/// applies to it unchanged: the mean value (regression), <c>log(mean_i softmax(z_i))</c> (logits whose softmax is
/// the mean probability) or <c>logit(mean_i sigmoid(z_i))</c>.
/// </summary>
/// <remarks>
/// Computed in float64 without forming probabilities that could round to 0 or 1:
/// <c>log p_c = logsumexp_i(z_ic - logsumexp_j z_ij) - log k</c>, and
/// <c>logit(p) = log(sum_i sigmoid(z_i)) - log(sum_i sigmoid(-z_i))</c>.
/// </remarks>
public static class EnsembleMean
{
    /// <summary>Writes the combined prediction of every row into <paramref name="combined"/>.</summary>
    public static void Combine(ReadOnlySpan<float> outputs, int rows, int members, int width, EnsembleAveraging averaging, Span<float> combined)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (outputs.Length < rows * members * width || combined.Length < rows * width)
        {
            throw new ArgumentException($"Expected {rows} x {members} x {width} outputs and room for {rows} x {width} combined values.", nameof(outputs));
        }

        var logPerMember = new double[members];
        for (var r = 0; r < rows; r++)
        {
            var z = outputs.Slice(r * members * width, members * width);
            var target = combined.Slice(r * width, width);
            switch (averaging)
            {
                case EnsembleAveraging.Values:
                    Mean(z, members, width, target);
                    break;
                case EnsembleAveraging.SoftmaxProbabilities:
                    LogMeanSoftmax(z, members, width, target, logPerMember);
                    break;
                default:
                    LogitMeanSigmoid(z, members, width, target);
                    break;
            }
        }
    }

    private static void Mean(ReadOnlySpan<float> z, int members, int width, Span<float> target)
    {
        for (var c = 0; c < width; c++)
        {
            double sum = 0;
            for (var i = 0; i < members; i++)
            {
                sum += z[(i * width) + c];
            }

            target[c] = (float)(sum / members);
        }
    }

    private static void LogMeanSoftmax(ReadOnlySpan<float> z, int members, int width, Span<float> target, double[] lse)
    {
        for (var i = 0; i < members; i++)
        {
            lse[i] = LogSumExp(z.Slice(i * width, width));
        }

        var logK = Math.Log(members);
        for (var c = 0; c < width; c++)
        {
            var max = double.NegativeInfinity;
            for (var i = 0; i < members; i++)
            {
                max = Math.Max(max, z[(i * width) + c] - lse[i]);
            }

            double sum = 0;
            for (var i = 0; i < members; i++)
            {
                sum += Math.Exp(z[(i * width) + c] - lse[i] - max);
            }

            target[c] = (float)(max + Math.Log(sum) - logK);
        }
    }

    private static void LogitMeanSigmoid(ReadOnlySpan<float> z, int members, int width, Span<float> target)
    {
        for (var c = 0; c < width; c++)
        {
            double positive = 0, negative = 0;
            for (var i = 0; i < members; i++)
            {
                double v = z[(i * width) + c];
                positive += Sigmoid(v);
                negative += Sigmoid(-v);
            }

            target[c] = (float)(Math.Log(positive) - Math.Log(negative));
        }
    }

    private static double Sigmoid(double v) => v >= 0 ? 1 / (1 + Math.Exp(-v)) : Math.Exp(v) / (1 + Math.Exp(v));

    private static double LogSumExp(ReadOnlySpan<float> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }

        return max + Math.Log(sum);
    }
}
