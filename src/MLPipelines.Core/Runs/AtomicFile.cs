namespace MLPipelines.Core.Runs;

/// <summary>
/// Writes a file so that a kill leaves either the whole file or none: to <c>PATH.tmp</c>, flushed to disk, then
/// renamed over <c>PATH</c>. Every store of finished work writes through here: the run's <see cref="UnitStore"/>
/// (split and final units) and the tuning lane's trial store (trial records and predictions).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/> (which must not close the stream).</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
