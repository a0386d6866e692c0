namespace MLPipelines.Serving;

/// <summary>How <see cref="ModelServer"/> listens and the limits it puts on each request.</summary>
public sealed class ServeOptions
{
    /// <summary>Address to bind. Default <c>127.0.0.1</c> (loopback): the server has no authentication.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 lets the system choose a free one (<see cref="ModelServer.Address"/> says which). Default 5000.</summary>
    public int Port { get; init; } = 5000;

    /// <summary>Largest request body in bytes (JSON, CSV or an image). Default 8 MiB.</summary>
    public long MaxBodyBytes { get; init; } = 8L << 20;

    /// <summary>Most rows (or images) scored in one request. Default 10,000.</summary>
    public int MaxRows { get; init; } = 10_000;

    /// <summary>Largest image decoded, in pixels (width x height), checked from the header before decoding. Default 4096 x 4096.</summary>
    public long MaxImagePixels { get; init; } = 4096L * 4096;

    /// <summary>Refuse row fields that are not model inputs (default: ignored, like the label column in <c>mlpipe predict</c>).</summary>
    public bool Strict { get; init; }

    /// <summary>The model <c>POST /predict</c> scores; null = the only model, or a run's best by its primary metric.</summary>
    public string? DefaultModel { get; init; }
}
