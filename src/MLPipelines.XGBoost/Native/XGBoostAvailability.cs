namespace MLPipelines.XGBoost.Native;

/// <summary>Outcome of <see cref="XGBoostLibrary.Probe"/>: where the library was loaded from and its version, or what is wrong.</summary>
public sealed record XGBoostAvailability
{
    private XGBoostAvailability()
    {
    }

    /// <summary>True when the library loaded and is recent enough.</summary>
    public bool IsAvailable => Problem is null;

    /// <summary>The path or name the library was loaded from.</summary>
    public string? LoadedFrom { get; private init; }

    /// <summary>XGBoost's own version (<c>XGBoostVersion</c>).</summary>
    public Version? Version { get; private init; }

    /// <summary>Why it cannot be used, with how to install it; null when available.</summary>
    public string? Problem { get; private init; }

    internal static XGBoostAvailability Loaded(string path, Version version) => new() { LoadedFrom = path, Version = version };

    internal static XGBoostAvailability Missing(string problem) => new() { Problem = problem };
}
