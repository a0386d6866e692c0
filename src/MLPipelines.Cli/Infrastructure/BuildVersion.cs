using System.Reflection;

namespace MLPipelines.Cli.Infrastructure;

/// <summary>
/// What <c>mlpipe --version</c> prints: the package version and the git commit the build was made from. Both come
/// from the assembly's informational version (<c>0.1.0+COMMIT</c>, stamped by SourceLink at build time), so an
/// installed tool knows its commit without a clone beside it.
/// </summary>
internal static class BuildVersion
{
    /// <summary>The version and commit as one line, e.g. <c>0.1.0 (commit 1a2b3c4d5e6f)</c>.</summary>
    public static string Text { get; } = Describe(
        typeof(BuildVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Splits an informational version <c>VERSION[+COMMIT]</c> into the printed line.</summary>
    internal static string Describe(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return "unknown version (commit unknown)";
        }

        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return $"{informationalVersion} (commit unknown: built outside a git clone)";
        }

        var commit = informationalVersion[(plus + 1)..];
        return $"{informationalVersion[..plus]} (commit {(commit.Length > 12 ? commit[..12] : commit)})";
    }
}
