using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>Outcome of the Friedman test over a datasets × models score matrix (Demšar 2006, section 3.2.2).</summary>
public sealed record FriedmanResult
{
    [JsonPropertyName("models")]
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>Average rank R_j of each model, in <see cref="Models"/> order (1 = best).</summary>
    [JsonPropertyName("average_ranks")]
    public required IReadOnlyList<double> AverageRanks { get; init; }

    /// <summary>Number of datasets N.</summary>
    [JsonPropertyName("datasets")]
    public required int DatasetCount { get; init; }

    /// <summary>Friedman statistic χ²_F = 12N / (k(k+1)) · [Σ R_j² − k(k+1)²/4], as in Demšar (2006), with no tie correction.</summary>
    [JsonPropertyName("chi_square")]
    public required double ChiSquare { get; init; }

    /// <summary>Degrees of freedom k − 1 of χ²_F.</summary>
    [JsonPropertyName("chi_square_df")]
    public required int ChiSquareDegreesOfFreedom { get; init; }

    /// <summary>P(χ²_{k−1} ≥ χ²_F).</summary>
    [JsonPropertyName("chi_square_p_value")]
    public required double ChiSquarePValue { get; init; }

    /// <summary>
    /// χ²_F divided by the tie correction C = 1 − Σ_d Σ_groups (t³ − t) / (N k (k² − 1)), as computed by
    /// scipy.stats.friedmanchisquare and R's friedman.test; equals <see cref="ChiSquare"/> without ties.
    /// 0 when every dataset ties all models.
    /// </summary>
    [JsonPropertyName("chi_square_tie_corrected")]
    public required double ChiSquareTieCorrected { get; init; }

    /// <summary>P(χ²_{k−1} ≥ tie-corrected statistic).</summary>
    [JsonPropertyName("chi_square_tie_corrected_p_value")]
    public required double ChiSquareTieCorrectedPValue { get; init; }

    /// <summary>
    /// Iman–Davenport statistic F_F = (N − 1) χ²_F / (N(k − 1) − χ²_F), distributed as F(k − 1, (k − 1)(N − 1));
    /// less conservative than χ²_F and the one Demšar recommends. Null when every dataset ranks the models
    /// identically (χ²_F = N(k − 1), F_F = +∞; its p-value is then 0).
    /// </summary>
    [JsonPropertyName("iman_davenport_f")]
    public required double? ImanDavenportF { get; init; }

    [JsonPropertyName("f_df1")]
    public required int FNumeratorDegreesOfFreedom { get; init; }

    [JsonPropertyName("f_df2")]
    public required int FDenominatorDegreesOfFreedom { get; init; }

    /// <summary>
    /// P(F(k − 1, (k − 1)(N − 1)) ≥ F_F); when F_F is unbounded (every dataset ranks the models alike), the exact
    /// probability of that unanimity under H0, (k!)^(1 − N).
    /// </summary>
    [JsonPropertyName("iman_davenport_p_value")]
    public required double ImanDavenportPValue { get; init; }

    [JsonPropertyName("alpha")]
    public required double Alpha { get; init; }

    /// <summary>The null hypothesis "all models perform alike" is rejected: Iman–Davenport p ≤ α.</summary>
    [JsonPropertyName("significant")]
    public required bool Significant { get; init; }
}
