using MLPipelines.Core.Statistics.Distributions;

namespace MLPipelines.Core.Statistics;

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
        double fPValue = f is { } fValue ? FisherF.Survival(fValue, df1, df2) : 0;
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
}
