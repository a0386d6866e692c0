using MLPipelines.Results.Statistics.Distributions;

namespace MLPipelines.Results.Statistics;

/// <summary>
/// The Friedman test of k models over N datasets with the Iman–Davenport F version, following
/// Demšar, "Statistical Comparisons of Classifiers over Multiple Data Sets", JMLR 7 (2006).
/// </summary>
public static class FriedmanTest
{
    /// <summary>Ranks the models on every dataset (direction-aware, ties averaged) and tests whether they differ.</summary>
    /// <param name="scores">Datasets × models matrix.</param>
    /// <param name="direction">Which way the metric improves.</param>
    /// <param name="alpha">Significance level in (0, 1); default 0.05.</param>
    public static FriedmanResult Run(ScoreMatrix scores, MetricDirection direction, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(scores);
        CorrectedResampledTTest.CheckAlpha(alpha);
        int k = scores.Models.Count;
        int n = scores.Datasets.Count;
        var averageRanks = new double[k];
        double tieSum = 0;
        for (int d = 0; d < n; d++)
        {
            var ranks = Ranking.Rank(scores.Row(d), direction);
            for (int m = 0; m < k; m++)
            {
                averageRanks[m] += ranks[m];
            }

            // A group of t tied models shares one rank value; Σ (t³ − t) enters the tie correction.
            foreach (var group in ranks.GroupBy(r => r))
            {
                double t = group.Count();
                tieSum += (t * t * t) - t;
            }
        }

        for (int m = 0; m < k; m++)
        {
            averageRanks[m] /= n;
        }

        double sumSquares = averageRanks.Sum(r => r * r);
        double chiSquare = 12.0 * n / (k * (k + 1.0)) * (sumSquares - (k * (k + 1.0) * (k + 1.0) / 4));
        chiSquare = Math.Max(0, chiSquare);
        double correction = 1 - (tieSum / (n * k * ((k * (double)k) - 1)));
        double corrected = correction > 1e-12 ? chiSquare / correction : 0;

        int df1 = k - 1;
        int df2 = (k - 1) * (n - 1);
        double denominator = (n * (k - 1.0)) - chiSquare;
        double? f = denominator > 1e-12 * n * k ? (n - 1) * chiSquare / denominator : null;
        // F_F is unbounded when every dataset ranks the models the same way (χ²_F = N(k − 1), its maximum). The
        // F approximation then says p = 0, which is wrong for few datasets (2 models on 3 datasets agree by chance
        // with probability 1/4). Use the exact permutation p-value of the maximum instead: under H0 each dataset's
        // ranking is uniform over the k! orders, so P(all N agree) = k! · (1/k!)^N = (k!)^(1 − N).
        double fPValue = f is { } fValue ? FisherF.Survival(fValue, df1, df2) : Math.Exp((1 - n) * LogFactorial(k));
        return new FriedmanResult
        {
            Models = scores.Models,
            AverageRanks = averageRanks,
            DatasetCount = n,
            ChiSquare = chiSquare,
            ChiSquareDegreesOfFreedom = df1,
            ChiSquarePValue = ChiSquared.Survival(chiSquare, df1),
            ChiSquareTieCorrected = corrected,
            ChiSquareTieCorrectedPValue = ChiSquared.Survival(corrected, df1),
            ImanDavenportF = f,
            FNumeratorDegreesOfFreedom = df1,
            FDenominatorDegreesOfFreedom = df2,
            ImanDavenportPValue = fPValue,
            Alpha = alpha,
            Significant = fPValue <= alpha,
        };
    }

    private static double LogFactorial(int k)
    {
        double sum = 0;
        for (int i = 2; i <= k; i++)
        {
            sum += Math.Log(i);
        }

        return sum;
    }
}
