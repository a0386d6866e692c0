using Microsoft.ML.Transforms.Onnx;
using MLPipelines.Core.Runs;

namespace MLPipelines.Core.Tests.Runs;

/// <summary>ML.NET's temporary files (the ONNX bytes of networks, boosters and loaded zips) stay in one folder per process.</summary>
public sealed class ScratchFilesTests
{
    [Fact]
    public void ScratchFiles_Context_WritesTemporaryFilesToThisProcesssLockedFolder()
    {
        var ml = ScratchFiles.Context(3);

        Assert.Equal(ScratchFiles.Directory, ml.TempFilePath);
        Assert.Equal(ScratchFiles.Root, Path.GetDirectoryName(ScratchFiles.Directory));
        var lockFile = Path.Combine(ScratchFiles.Directory, ".lock");
        Assert.True(File.Exists(lockFile));
        Assert.Throws<IOException>(() => new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None).Dispose());
    }

    [Fact]
    public void ScratchFiles_Context_OnnxSessionsRunOnTheCallingThread()
    {
        var options = ScratchFiles.Context(3).GetOnnxSessionOption();

        Assert.Equal(1, options.IntraOpNumThreads);
        Assert.Equal(1, options.InterOpNumThreads);
        Assert.True(options.PerSessionThreads);
    }

    [Fact]
    public void ScratchFiles_SweepAbandoned_RemovesOnlyOldUnlockedFolders()
    {
        // Given three folders beside this process's: one whose process died (lock free, an hour old), one whose
        // process lives (lock held), one made a moment ago (its process may be between creating and locking it).
        _ = ScratchFiles.Directory;
        var abandoned = Folder(TimeSpan.FromHours(1));
        var alive = Folder(TimeSpan.FromHours(1));
        var fresh = Folder(TimeSpan.Zero);
        using (new FileStream(Path.Combine(alive, ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            ScratchFiles.SweepAbandoned();

            Assert.False(Directory.Exists(abandoned));
            Assert.True(File.Exists(Path.Combine(alive, "model.onnx")));
            Assert.True(File.Exists(Path.Combine(fresh, "model.onnx")));
            Assert.True(File.Exists(Path.Combine(ScratchFiles.Directory, ".lock")));
        }

        Directory.Delete(alive, recursive: true);
        Directory.Delete(fresh, recursive: true);
    }

    private static string Folder(TimeSpan age)
    {
        var folder = Path.Combine(ScratchFiles.Root, "test-" + Path.GetRandomFileName());
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "model.onnx"), new byte[1024]);
        var lockFile = Path.Combine(folder, ".lock");
        File.WriteAllText(lockFile, "");
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow - age);
        return folder;
    }
}
