namespace MLPipelines.Core.Runs;

/// <summary>
/// One writer per run folder: an exclusive lock on <c>.NAME.lock</c> beside the folder, held until the run
/// completes or is abandoned. The operating system drops the lock when the process dies (even by SIGKILL), so a
/// killed run never leaves a stale lock; a second run into the same folder while the first is alive is refused.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock of the run folder <paramref name="fullPath"/>.</summary>
    /// <param name="displayPath">The folder as the user wrote it, for the message.</param>
    /// <exception cref="RunFolderException">Another run holds it, or the lock file cannot be created.</exception>
    public static RunLock Acquire(string fullPath, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        var parent = System.IO.Path.GetDirectoryName(fullPath) ?? throw new RunFolderException($"{displayPath}: cannot write a run at the file-system root");
        var path = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(fullPath)}.lock");
        try
        {
            Directory.CreateDirectory(parent);

            // FileShare.None is an exclusive flock on Unix and a share-mode lock on Windows: both die with the process.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new RunLock(stream, path);
        }
        catch (IOException e) when (File.Exists(path) && e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new RunFolderException(
                $"{displayPath}: another mlpipe run is writing to this folder (it holds {path}); wait for it to finish or choose another --out", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFolderException($"{displayPath}: cannot create the run folder here ({e.Message})", e);
        }
    }

    /// <summary>Releases the lock (the file stays: deleting it could race with a waiting run).</summary>
    public void Dispose() => _stream.Dispose();
}
