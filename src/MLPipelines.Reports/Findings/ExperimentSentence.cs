using System.Globalization;
using MLPipelines.Reports.Formatting;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Findings;

/// <summary>
/// The verdict of an experiment over several datasets in one sentence: the model with the best average rank, whether
/// the Friedman test (Iman–Davenport form) finds any difference, and which models the Nemenyi test puts below it.
/// </summary>
public static class ExperimentSentence
{
    public static string For(ExperimentResult analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var friedman = analysis.Friedman;
        var nemenyi = analysis.Nemenyi;
        var ranks = friedman.AverageRanks;
        var order = Enumerable.Range(0, friedman.Models.Count).OrderBy(i => ranks[i]).ToList();
        var best = friedman.Models[order[0]];
        var tied = order.Where(i => Math.Abs(ranks[i] - ranks[order[0]]) < 1e-9).Select(i => friedman.Models[i]).ToList();
        var lead = tied.Count > 1
            ? $"{string.Join(" and ", tied)} share the best average rank on {analysis.Metric} ({ranks[order[0]].ToString("0.00", CultureInfo.InvariantCulture)}) over {friedman.DatasetCount} datasets"
            : $"{best} has the best average rank on {analysis.Metric} ({ranks[order[0]].ToString("0.00", CultureInfo.InvariantCulture)}) over {friedman.DatasetCount} datasets";
        if (!friedman.Significant)
        {
            return $"{lead}; the differences are not significant ({FriedmanP(friedman)}).";
        }

        var beaten = nemenyi.Pairs
            .Where(p => p.Significant && (p.A == best || p.B == best))
            .Select(p => p.A == best ? p.B : p.A)
            .Where(m => tied.Count == 1 && m != best)
            .ToList();
        var cd = nemenyi.CriticalDifference.ToString("F2", CultureInfo.InvariantCulture);
        return beaten.Count > 0
            ? $"{lead}; the models differ ({FriedmanP(friedman)}), and {best} is significantly better than {string.Join(", ", beaten)} (Nemenyi, CD = {cd})."
            : $"{lead}; the models differ ({FriedmanP(friedman)}), but no model is significantly apart from {best} (Nemenyi, CD = {cd}).";
    }

    /// <summary>
    /// "Friedman, p=0.012", or, when every dataset ranks the models the same way (Iman–Davenport F unbounded), the
    /// exact chance of that agreement, (k!)^(1 − N), with the χ² p-value beside it.
    /// </summary>
    private static string FriedmanP(FriedmanResult friedman) => friedman.ImanDavenportF is null
        ? $"every dataset ranks the models the same way, which happens by chance with p={ExactP(friedman.ImanDavenportPValue)}; Friedman χ² p={Numbers.PValue(friedman.ChiSquarePValue)}"
        : friedman.ImanDavenportPValue < 0.001 ? "Friedman, p<0.001" : $"Friedman, p={Numbers.PValue(friedman.ImanDavenportPValue)}";

    private static string ExactP(double p) => p < 0.001 ? p.ToString("0.0e0", CultureInfo.InvariantCulture) : Numbers.PValue(p);
}
