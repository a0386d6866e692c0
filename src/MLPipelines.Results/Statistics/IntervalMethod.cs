using System.Text.Json.Serialization;

namespace MLPipelines.Results.Statistics;

/// <summary>How the confidence interval of a mean over resampled runs accounts for their dependence.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// Nadeau–Bengio corrected variance (the default): mean ± t_{n−1} · s · √(1/n + n_test/n_train).
    /// The runs share most of their training rows, so s²/n underestimates the variance of the mean; the
    /// corrected interval is the one consistent with the corrected t-test.
    /// </summary>
    [JsonStringEnumMemberName("corrected")]
    Corrected,

    /// <summary>Textbook interval mean ± t_{n−1} · s / √n, which treats the runs as independent (too narrow).</summary>
    [JsonStringEnumMemberName("naive")]
    Naive,
}
