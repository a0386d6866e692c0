using Microsoft.ML;
using Microsoft.ML.Transforms.Onnx;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Where ML.NET writes this process's temporary files: <c>$TMPDIR/mlpipelines-scratch/RANDOM/</c>. ML.NET copies
/// the ONNX bytes of every network or booster it applies, and of every model zip it loads, to a temporary file that
/// lives as long as the transformer and is deleted only when the transformer is disposed (fitted models seldom
/// are), so without this every fit and every load left a file in <c>/tmp</c> (a test suite run left about
/// 30,000). The folder is removed when the process exits; a process killed before that (SIGKILL) leaves it, and the
/// next process that starts removes it: each folder holds an exclusive lock on its <c>.lock</c> file while its
/// process lives, and the operating system drops the lock when the process dies.
/// </summary>
public static class ScratchFiles
{
    private const string LockName = ".lock";

    private static readonly Lazy<string> Folder = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private static FileStream? _lock;

    /// <summary>This process's scratch folder (created on first use).</summary>
    public static string Directory => Folder.Value;

    /// <summary>
    /// A new ML.NET context whose temporary files go to <see cref="Directory"/>, and whose ONNX sessions run each call
    /// on the calling thread (one intra-op thread). ML.NET's ONNX transformer calls the session once per row, and ONNX
    /// Runtime's default intra-op pool spins between those calls: in a 5-fold XGBoost run of diamonds one spin loop
    /// inside ONNX Runtime took 12% of the samples, and the run took 15.9 CPU-s against 11.6 with one thread (the same
    /// predictions); the default CNN also scored Fashion-MNIST test images faster so.
    /// </summary>
    public static MLContext Context(int? seed)
    {
        var ml = new MLContext(seed) { TempFilePath = Directory };
        ml.SetOnnxSessionOption(new OnnxSessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
        return ml;
    }

    /// <summary>The folder all processes' scratch folders live in.</summary>
    internal static string Root => Path.Combine(Path.GetTempPath(), "mlpipelines-scratch");

    private static string Create()
    {
        SweepAbandoned();
        var folder = Path.Combine(Root, Path.GetRandomFileName());
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            _lock = new FileStream(Path.Combine(folder, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Remove(folder, _lock);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temp folder that cannot be written is ML.NET's problem to report as before; use it unchanged.
            return Path.GetTempPath();
        }
    }

    /// <summary>Removes the scratch folders whose process is gone (their lock can be taken).</summary>
    internal static int SweepAbandoned()
    {
        var removed = 0;
        string[] folders;
        try
        {
            folders = System.IO.Directory.Exists(Root) ? System.IO.Directory.GetDirectories(Root) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (var folder in folders)
        {
            FileStream? probe = null;
            try
            {
                probe = new FileStream(Path.Combine(folder, LockName), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
            catch (FileNotFoundException)
            {
                // No lock file: a folder being created right now, or one whose creation failed; left alone.
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // locked: its process is alive
            }

            // A folder made in the last minute may be between its creation and its lock (another process starting).
            if (File.GetLastWriteTimeUtc(Path.Combine(folder, LockName)) > DateTime.UtcNow - TimeSpan.FromMinutes(1))
            {
                probe.Dispose();
                continue;
            }

            if (Remove(folder, probe))
            {
                removed++;
            }
        }

        return removed;
    }

    private static bool Remove(string folder, FileStream? heldLock)
    {
        try
        {
            heldLock?.Dispose();
            System.IO.Directory.Delete(folder, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
