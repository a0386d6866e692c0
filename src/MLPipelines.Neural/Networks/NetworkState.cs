namespace MLPipelines.Neural.Networks;

/// <summary>A copy of a network's parameter values and buffers, in layer order (see <see cref="Network.CaptureState"/>).</summary>
public sealed class NetworkState
{
    internal NetworkState(IReadOnlyList<float[]> arrays) => Arrays = arrays;

    /// <summary>The copied arrays.</summary>
    public IReadOnlyList<float[]> Arrays { get; }
}
