using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>
/// One corrected resampled t-test of model <see cref="A"/> against model <see cref="B"/> on one metric, in the
/// shape of a results.json <c>comparisons</c> entry. Differences are d_i = a_i − b_i in the metric's own units,
/// so the sign of <see cref="MeanDiff"/> and <see cref="T"/> does not depend on the metric's direction;
/// <see cref="Better"/> and the fold counts do.
/// </summary>
public sealed record PairedComparison
{
    [JsonPropertyName("a")]
    public required string A { get; init; }

    [JsonPropertyName("b")]
    public required string B { get; init; }

    [JsonPropertyName("metric")]
    public required string Metric { get; init; }

    /// <summary>Number of paired runs used (runs where either value is not finite are skipped).</summary>
    [JsonPropertyName("n")]
    public required int Count { get; init; }

    [JsonPropertyName("mean_a")]
    public required double MeanA { get; init; }

    [JsonPropertyName("mean_b")]
    public required double MeanB { get; init; }

    /// <summary>mean(a − b).</summary>
    [JsonPropertyName("mean_diff")]
    public required double MeanDiff { get; init; }

    /// <summary>
    /// t = mean(d) / √((1/n + n_test/n_train) · s_d²); 0 when every difference is 0; null when undefined:
    /// fewer than two runs, or a constant non-zero difference (s_d = 0, t would be ±∞).
    /// </summary>
    [JsonPropertyName("t")]
    public required double? T { get; init; }

    /// <summary>Degrees of freedom n − 1.</summary>
    [JsonPropertyName("df")]
    public required int DegreesOfFreedom { get; init; }

    /// <summary>
    /// Two-sided p-value P(|T_{n−1}| ≥ |t|). A constant non-zero difference gives 0 and all-zero differences
    /// give 1, as in Weka's PairedStatsCorrected; null with fewer than two runs (nothing to test).
    /// </summary>
    [JsonPropertyName("p_value")]
    public required double? PValue { get; init; }

    /// <summary>Holm–Bonferroni adjusted p-value within the metric's family of comparisons; null when not adjusted.</summary>
    [JsonPropertyName("p_value_holm")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PValueHolm { get; init; }

    /// <summary>Significance level the decision used.</summary>
    [JsonPropertyName("alpha")]
    public required double Alpha { get; init; }

    /// <summary>p ≤ α, using the Holm-adjusted p-value when there is one.</summary>
    [JsonPropertyName("significant")]
    public required bool Significant { get; init; }

    /// <summary>The significantly better model (direction-aware), or null when the difference is not significant.</summary>
    [JsonPropertyName("better")]
    public required string? Better { get; init; }

    /// <summary>Runs where A scored strictly better than B in the metric's direction.</summary>
    [JsonPropertyName("fold_wins")]
    public required int FoldWins { get; init; }

    /// <summary>Runs where A and B scored exactly the same.</summary>
    [JsonPropertyName("fold_ties")]
    public required int FoldTies { get; init; }

    /// <summary>Runs where B scored strictly better than A.</summary>
    [JsonPropertyName("fold_losses")]
    public required int FoldLosses { get; init; }
}
