namespace MLPipelines.Spec;

/// <summary>
/// Limits on spec and experiment files that protect the machine from hostile or broken input: a spec is a few
/// kilobytes of hand-written YAML, so anything far beyond these is refused as bad input (exit 2) before it can
/// exhaust memory or the stack.
/// </summary>
public static class SpecLimits
{
    /// <summary>Largest spec or experiment file read (1 MiB; the largest example is under 4 KB).</summary>
    public const long MaxFileBytes = 1 << 20;

    /// <summary>Deepest nesting of lists and mappings (a spec needs about 6).</summary>
    public const int MaxNestingDepth = 64;

    /// <summary>
    /// Reads <paramref name="path"/> as spec text, refusing a file over <see cref="MaxFileBytes"/>, a folder, a
    /// missing or unreadable file.
    /// </summary>
    /// <param name="what">What the file should be, for the folder message (e.g. "a pipeline YAML file").</param>
    /// <exception cref="SpecException">The file cannot be used.</exception>
    public static string ReadSpecText(string path, string what)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw SpecException.FileProblem(path, $"is a directory; expected {what}");
        }

        if (!File.Exists(path))
        {
            throw SpecException.FileProblem(path, "file not found");
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw SpecException.FileProblem(path, $"is {length:N0} bytes; expected {what} of at most {MaxFileBytes:N0} bytes");
            }

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw SpecException.FileProblem(path, $"cannot be read: {e.Message}");
        }
    }
}
