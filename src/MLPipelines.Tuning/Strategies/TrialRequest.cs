using MLPipelines.Tuning.Search;

namespace MLPipelines.Tuning.Strategies;

/// <summary>
/// One evaluation a strategy asks for: configuration <see cref="Config"/> (index in the <see cref="ConfigSequence"/>)
/// trained with <see cref="ResourceFraction"/> of its full resource (boosting rounds or epochs; 1 = as configured).
/// (<see cref="Config"/>, <see cref="Rung"/>) names the evaluation whatever order parallel trials finish in, so it
/// is the resume key; <see cref="Trial"/> is only the order it was started in.
/// </summary>
public sealed record TrialRequest(int Trial, int Config, TrialConfig Values, int Rung, double ResourceFraction)
{
    /// <summary>Stable name of the evaluation, e.g. <c>c12-r0</c> (configuration 12, rung 0).</summary>
    public string Key => $"c{Config}-r{Rung}";

    /// <summary>The resource to train with when the configuration's full resource is <paramref name="full"/> (at least 1).</summary>
    public int ResourceOf(long full) => (int)Math.Clamp(Math.Round(full * ResourceFraction, MidpointRounding.AwayFromZero), 1, int.MaxValue);
}
