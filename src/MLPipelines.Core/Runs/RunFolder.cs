namespace MLPipelines.Core.Runs;

/// <summary>
/// The run directory, written in a hidden sibling (<c>.NAME.partial</c>) and renamed to its final name only when
/// every file is in place, so a folder under the final name is always complete. On failure or interruption the
/// partial folder is renamed <c>NAME.incomplete</c> (with <c>error.txt</c> saying why) for inspection.
/// </summary>
/// <remarks>
/// One writer at a time (<see cref="RunLock"/>). With a run key, an earlier attempt of the same run is resumed: a
/// <c>.NAME.partial</c> left by a killed process or a <c>NAME.incomplete</c> left by a failure becomes the work
/// folder again, with its finished units (<see cref="Units"/>); a complete folder of the same key is reported as
/// <see cref="AlreadyComplete"/> instead of refused. Attempts of another key are discarded.
/// </remarks>
public sealed class RunFolder : IDisposable
{
    /// <summary>File in the work and final folder holding the <see cref="RunKey"/> of the run.</summary>
    public const string KeyFile = ".mlpipe-run-key";

    private readonly RunLock _lock;

    private RunFolder(string finalPath, string workPath, RunLock runLock, string? key, bool alreadyComplete)
    {
        FinalPath = finalPath;
        WorkPath = workPath;
        _lock = runLock;
        AlreadyComplete = alreadyComplete;
        Units = key is null ? null : new UnitStore(Path.Combine(workPath, "units"), key);
    }

    /// <summary>Where the complete run will be.</summary>
    public string FinalPath { get; }

    /// <summary>Where files are written while the run is going on.</summary>
    public string WorkPath { get; }

    /// <summary>Finished units of this run (from an interrupted attempt, and as they finish); null without a run key.</summary>
    public UnitStore? Units { get; }

    /// <summary>True when <see cref="FinalPath"/> already holds this run, complete (same key): nothing to do.</summary>
    public bool AlreadyComplete { get; }

    /// <summary>Starts a run folder at <paramref name="finalPath"/>.</summary>
    /// <param name="key">The run's <see cref="RunKey"/>: enables resuming an earlier attempt; null never resumes.</param>
    /// <exception cref="RunFolderException">
    /// Another run writes there; the final folder exists and is not empty (and <paramref name="overwrite"/> is false,
    /// and it is not this run, complete); the path is a file; or the folder cannot be created.
    /// </exception>
    public static RunFolder Create(string finalPath, bool overwrite, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(finalPath);
        var full = Path.GetFullPath(finalPath.TrimEnd('/', '\\'));
        if (System.IO.File.Exists(full))
        {
            throw new RunFolderException($"{finalPath}: is a file; --out names the folder the run is written to");
        }

        var runLock = RunLock.Acquire(full, finalPath);
        try
        {
            var parent = Path.GetDirectoryName(full)!;
            var work = Path.Combine(parent, $".{Path.GetFileName(full)}.partial");
            if (!overwrite && key is not null && KeyOf(full) == key)
            {
                return new RunFolder(full, full, runLock, key, alreadyComplete: true);
            }

            if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() && !overwrite)
            {
                throw new RunFolderException($"{finalPath}: the output folder already exists and is not empty; choose another --out or pass --force");
            }

            Prepare(full, work, overwrite ? null : key);
            return new RunFolder(full, work, runLock, key, alreadyComplete: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            runLock.Dispose();
            throw new RunFolderException($"{finalPath}: cannot create the run folder here ({e.Message})", e);
        }
        catch
        {
            runLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The run folder that <c>--resume PATH</c> continues: PATH itself, or the folder named by its unfinished forms
    /// (<c>NAME.incomplete</c>, <c>.NAME.partial</c>).
    /// </summary>
    /// <exception cref="RunFolderException">There is no run there to resume.</exception>
    public static string ResumeTarget(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path.TrimEnd('/', '\\'));
        var name = Path.GetFileName(full);
        var parent = Path.GetDirectoryName(full) ?? "";
        if (name.EndsWith(".incomplete", StringComparison.Ordinal))
        {
            full = Path.Combine(parent, name[..^".incomplete".Length]);
        }
        else if (name.StartsWith('.') && name.EndsWith(".partial", StringComparison.Ordinal))
        {
            full = Path.Combine(parent, name[1..^".partial".Length]);
        }

        var work = Path.Combine(Path.GetDirectoryName(full) ?? "", $".{Path.GetFileName(full)}.partial");
        if (KeyOf(full) is null && KeyOf(work) is null && KeyOf(full + ".incomplete") is null)
        {
            throw new RunFolderException($"{path}: no run to resume there (no {Path.GetFileName(full)}.incomplete or .{Path.GetFileName(full)}.partial with finished work); use --out to start one");
        }

        return full;
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
        if (AlreadyComplete)
        {
            Dispose();
            return;
        }

        if (Directory.Exists(Path.Combine(WorkPath, "units")))
        {
            Directory.Delete(Path.Combine(WorkPath, "units"), recursive: true); // their content is in the run's files now
        }

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

        Dispose();
    }

    /// <summary>Keeps what was written under <c>NAME.incomplete</c> with <c>error.txt</c>; never throws.</summary>
    public void Abandon(string reason)
    {
        try
        {
            if (!AlreadyComplete)
            {
                System.IO.File.WriteAllText(Path.Combine(WorkPath, "error.txt"), reason + Environment.NewLine);
                var incomplete = FinalPath + ".incomplete";
                if (Directory.Exists(incomplete))
                {
                    Directory.Delete(incomplete, recursive: true);
                }

                Directory.Move(WorkPath, incomplete);
            }
        }
        catch (IOException)
        {
            // Best effort: the partial folder keeps its hidden name, which never looks complete either.
        }
        catch (UnauthorizedAccessException)
        {
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Releases the folder's lock.</summary>
    public void Dispose() => _lock.Dispose();

    /// <summary>
    /// Makes the work folder: an earlier attempt with the same key (killed: <c>.NAME.partial</c>; failed or
    /// interrupted: <c>NAME.incomplete</c>) is taken over with its units; anything else there is removed.
    /// </summary>
    private static void Prepare(string full, string work, string? key)
    {
        var incomplete = full + ".incomplete";
        if (Directory.Exists(work) && (key is null || KeyOf(work) != key))
        {
            Directory.Delete(work, recursive: true);
        }

        if (!Directory.Exists(work) && key is not null && Directory.Exists(incomplete) && KeyOf(incomplete) == key)
        {
            Directory.Move(incomplete, work);
            System.IO.File.Delete(Path.Combine(work, "error.txt"));
        }

        Directory.CreateDirectory(work);
        if (key is not null)
        {
            System.IO.File.WriteAllText(Path.Combine(work, KeyFile), key);
        }
    }

    private static string? KeyOf(string folder)
    {
        var path = Path.Combine(folder, KeyFile);
        try
        {
            return System.IO.File.Exists(path) ? System.IO.File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
