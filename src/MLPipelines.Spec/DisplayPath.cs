namespace MLPipelines.Spec;

/// <summary>How paths appear in messages, results and reports.</summary>
public static class DisplayPath
{
    /// <summary><paramref name="path"/> relative to the current directory when it lies below it, else as given.</summary>
    public static string Of(string path)
    {
        if (string.IsNullOrEmpty(path) || !Path.IsPathRooted(path))
        {
            return path;
        }

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
