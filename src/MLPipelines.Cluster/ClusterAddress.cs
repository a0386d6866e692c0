using System.Globalization;

namespace MLPipelines.Cluster;

/// <summary>
/// Where a cluster meets: the Redis server (<c>redis://HOST:PORT</c>) holding its membership and finished units, and
/// the cluster id and service id that a worker and a client must share to talk to each other.
/// </summary>
public sealed record ClusterAddress(string Host, int Port, string ClusterId, string ServiceId)
{
    /// <summary>Cluster id and service id when none is given.</summary>
    public const string DefaultId = "mlpipe";

    /// <summary>Parses <paramref name="url"/> (<c>redis://HOST:PORT</c>).</summary>
    /// <exception cref="ClusterException">The address is not of that form, or an id is empty or has characters other than letters, digits, '-', '_' and '.'.</exception>
    public static ClusterAddress Parse(string? url, string? clusterId = null, string? serviceId = null)
    {
        const string Form = "expected redis://HOST:PORT, e.g. redis://127.0.0.1:6379";
        if (string.IsNullOrWhiteSpace(url) || !url.StartsWith("redis://", StringComparison.Ordinal))
        {
            throw new ClusterException($"--cluster '{url}': {Form}");
        }

        var rest = url["redis://".Length..].TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        if (colon <= 0 || rest.Contains('@', StringComparison.Ordinal) || rest.Contains('/', StringComparison.Ordinal)
            || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ClusterException($"--cluster '{url}': {Form} (PORT 1-65535)");
        }

        return new ClusterAddress(rest[..colon].Trim('[', ']'), port, Id("--cluster-id", clusterId), Id("--service-id", serviceId));
    }

    /// <summary>The StackExchange.Redis connection string of the server.</summary>
    public string RedisConfiguration => string.Create(CultureInfo.InvariantCulture, $"{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port}");

    /// <summary>Prefix of every Redis key of this cluster besides Orleans' own membership table.</summary>
    public string KeyPrefix => $"mlpipe:{ServiceId}:{ClusterId}:";

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"redis://{RedisConfiguration}");

    private static string Id(string option, string? value)
    {
        value ??= DefaultId;
        if (value.Length == 0 || value.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.')))
        {
            throw new ClusterException($"{option} '{value}': expected letters, digits, '-', '_' or '.'");
        }

        return value;
    }
}
