using MLPipelines.Results;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Reports.Findings;

/// <summary>
/// One tuned model of a run: its three rows (default, tuned, ensembled on the same outer splits), the search
/// behind them, and the paired tests of tuned and ensembled against the defaults.
/// </summary>
public sealed record TuningFamily
{
    public required string Base { get; init; }

    public required ModelResult Default { get; init; }

    public required ModelResult Tuned { get; init; }

    public required ModelResult Ensembled { get; init; }

    public required TuningResult Search { get; init; }

    /// <summary>Tuned against default, on the primary metric (corrected resampled t-test).</summary>
    public required PairedComparison TunedVsDefault { get; init; }

    /// <summary>Ensembled against default.</summary>
    public required PairedComparison EnsembledVsDefault { get; init; }

    /// <summary>Ensembled against tuned.</summary>
    public required PairedComparison EnsembledVsTuned { get; init; }

    /// <summary>Mean over outer splits of (inner score of the chosen configuration − its outer score): how optimistic the choice was.</summary>
    public double TunedGap => Search.Splits.Average(s => s.TunedInnerScore - s.TunedOuterScore);

    /// <summary>The same for the ensemble.</summary>
    public double EnsembledGap => Search.Splits.Average(s => s.EnsembledInnerScore - s.EnsembledOuterScore);

    /// <summary>Mean wall seconds per outer split.</summary>
    public double MeanSeconds => Search.Splits.Average(s => s.Seconds);
}
