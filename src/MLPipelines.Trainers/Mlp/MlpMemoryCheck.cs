using System.Globalization;

namespace MLPipelines.Trainers.Mlp;

/// <summary>
/// Refuses hidden layers whose weights could never fit in memory (e.g. <c>hidden_layers: [65536, 65536]</c> is 4.3
/// billion weights), so the spec is rejected at the option before any data is read instead of the first fit
/// allocating tens of GB. Only the weights between hidden layers are counted (the input and output layers depend on
/// the data), each with its gradient: a lower bound of what training needs, so no spec that could run is refused.
/// </summary>
internal static class MlpMemoryCheck
{
    /// <summary>Bytes per weight counted: the float weight and its float gradient.</summary>
    private const long BytesPerWeight = 2 * sizeof(float);

    /// <summary>(option, message) when the layers need more than this process may use; empty otherwise.</summary>
    public static IEnumerable<(string Option, string Message)> Errors(IReadOnlyList<int>? hiddenLayers) =>
        Errors(hiddenLayers, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <param name="availableBytes">Memory this process may use (the GC's limit); 0 or less = unknown, nothing refused.</param>
    public static IEnumerable<(string Option, string Message)> Errors(IReadOnlyList<int>? hiddenLayers, long availableBytes)
    {
        if (hiddenLayers is null || availableBytes <= 0)
        {
            yield break;
        }

        var weights = 0.0;
        for (var i = 1; i < hiddenLayers.Count; i++)
        {
            weights += (double)hiddenLayers[i - 1] * hiddenLayers[i];
        }

        var needed = weights * BytesPerWeight;
        var usable = availableBytes * 0.75; // the rest for the data, activations and the runtime, as DataLimits keeps
        if (needed > usable)
        {
            yield return ("hidden_layers", string.Create(CultureInfo.InvariantCulture,
                $"[{string.Join(", ", hiddenLayers)}] has {weights:N0} weights between its hidden layers, which need at least {Gb(needed)} " +
                $"with their gradients, and this process may use {Gb(availableBytes)}; use narrower layers (the default is [256, 256, 256])"));
        }
    }

    private static string Gb(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1L << 30):0.#} GB");
}
