namespace MLPipelines.Core.Runs;

/// <summary>
/// The run directory, written in a hidden sibling (<c>.NAME.partial</c>) and renamed to its final name only when
/// every file is in place, so a folder under the final name is always complete. On failure or interruption the
/// partial folder is renamed <c>NAME.incomplete</c> (with <c>error.txt</c> saying why) for inspection.
/// </summary>
public sealed class RunFolder
{
    private RunFolder(string finalPath, string workPath)
    {
        FinalPath = finalPath;
        WorkPath = workPath;
    }

    /// <summary>Where the complete run will be.</summary>
    public string FinalPath { get; }

    /// <summary>Where files are written while the run is going on.</summary>
    public string WorkPath { get; }

    /// <summary>Starts a run folder at <paramref name="finalPath"/>.</summary>
    /// <exception cref="RunFolderException">
    /// The final folder exists and is not empty (and <paramref name="overwrite"/> is false), the path is a file, or
    /// the folder cannot be created (no permission, read-only file system, a file in the way).
    /// </exception>
    public static RunFolder Create(string finalPath, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(finalPath);
        var full = Path.GetFullPath(finalPath.TrimEnd('/', '\\'));
        if (System.IO.File.Exists(full))
        {
            throw new RunFolderException($"{finalPath}: is a file; --out names the folder the run is written to");
        }

        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !overwrite)
        {
            throw new RunFolderException($"{finalPath}: the output folder already exists and is not empty; choose another --out or pass --force");
        }

        var parent = Path.GetDirectoryName(full) ?? throw new RunFolderException($"{finalPath}: cannot write a run at the file-system root");
        var work = Path.Combine(parent, $".{Path.GetFileName(full)}.partial");
        try
        {
            Directory.CreateDirectory(parent);
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }

            Directory.CreateDirectory(work);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFolderException($"{finalPath}: cannot create the run folder here ({e.Message})", e);
        }

        return new RunFolder(full, work);
    }

    /// <summary>Path of <paramref name="relative"/> inside the work folder (parent folders created).</summary>
    public string File(string relative)
    {
        var path = Path.Combine(WorkPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Moves the finished run to its final name (replacing an existing folder only when it was allowed).</summary>
    public void Complete()
    {
        if (Directory.Exists(FinalPath))
        {
            Directory.Delete(FinalPath, recursive: true);
        }

        Directory.Move(WorkPath, FinalPath);
        var incomplete = FinalPath + ".incomplete";
        if (Directory.Exists(incomplete))
        {
            Directory.Delete(incomplete, recursive: true);
        }
    }

    /// <summary>Keeps what was written under <c>NAME.incomplete</c> with <c>error.txt</c>; never throws.</summary>
    public void Abandon(string reason)
    {
        try
        {
            System.IO.File.WriteAllText(Path.Combine(WorkPath, "error.txt"), reason + Environment.NewLine);
            var incomplete = FinalPath + ".incomplete";
            if (Directory.Exists(incomplete))
            {
                Directory.Delete(incomplete, recursive: true);
            }

            Directory.Move(WorkPath, incomplete);
        }
        catch (IOException)
        {
            // Best effort: the partial folder keeps its hidden name, which never looks complete either.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
