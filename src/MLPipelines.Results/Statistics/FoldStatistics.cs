using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>Mean, spread and confidence interval of one metric over the runs (folds × repeats) of one model.</summary>
public sealed record FoldStatistics
{
    /// <summary>Number of finite fold values used (non-finite values are skipped, as Weka skips missing ones).</summary>
    [JsonPropertyName("n")]
    public required int Count { get; init; }

    /// <summary>Arithmetic mean of the fold values.</summary>
    [JsonPropertyName("mean")]
    public required double Mean { get; init; }

    /// <summary>Sample standard deviation √(Σ(x − x̄)² / (n − 1)); 0 when n = 1.</summary>
    [JsonPropertyName("std")]
    public required double Std { get; init; }

    [JsonPropertyName("min")]
    public required double Min { get; init; }

    [JsonPropertyName("max")]
    public required double Max { get; init; }

    /// <summary>Lower end of the confidence interval; null when n &lt; 2 (no spread to estimate).</summary>
    [JsonPropertyName("ci_low")]
    public double? Lower { get; init; }

    /// <summary>Upper end of the confidence interval; null when n &lt; 2.</summary>
    [JsonPropertyName("ci_high")]
    public double? Upper { get; init; }

    /// <summary>Confidence level of the interval, e.g. 0.95.</summary>
    [JsonPropertyName("confidence")]
    public required double Confidence { get; init; }

    /// <summary>How the interval treats the dependence between runs (JSON: "corrected" or "naive").</summary>
    [JsonPropertyName("interval")]
    [JsonConverter(typeof(JsonStringEnumConverter<IntervalMethod>))]
    public required IntervalMethod Method { get; init; }
}
