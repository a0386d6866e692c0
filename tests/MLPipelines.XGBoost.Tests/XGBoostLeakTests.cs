using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// Native memory does not grow with fits: over 250 fit/score/dispose cycles (a DMatrix, a booster and an ONNX
/// Runtime session each time) the bytes the C allocator has handed out and not taken back (glibc <c>mallinfo2</c>:
/// in-use heap chunks plus mmap'd blocks) do not trend up. In-use memory steps up and down by 2-6 MB between
/// samples or steps up once and stays (buffers allocated and released in bulk; seen: 20.2 20.3 20.5 19.3 20.8 24.3
/// 24.3 24.3 MB), so the test takes the median of the steps between consecutive samples (25 cycles apart, after 50
/// warm-up cycles): a leak adds to every step (20 KB per cycle = 0.5 MB per step; keeping every model alive adds
/// about 1.4 MB per cycle), a one-off buffer to one step only.
/// Resident memory is not the measure: glibc keeps freed pages (it rose 9 MB over 150 cycles in a fresh process
/// with nothing in use growing). Runs alone (<see cref="AloneCollection"/>).
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class XGBoostLeakTests
{
    private const int Samples = 8;
    private const int CyclesPerSample = 25;

    [Fact]
    public void XGBoostTrainer_250FitDisposeCycles_KeepNativeAndManagedMemoryFlat()
    {
        var ml = new MLContext(1);
        var data = ml.Data.Cache(XGBoostTables.Binary(ml, rows: 500));
        var trainer = ml.BinaryClassification.Trainers.XGBoost(new XGBoostOptions { NEstimators = 10, Threads = 1 });
        void Cycles(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var model = trainer.Fit(data);
                _ = model.Transform(data).GetColumn<float>("Score").Count();
            }
        }

        Cycles(50);
        var samples = new List<(double Native, double Managed)>();
        for (var s = 0; s < Samples; s++)
        {
            Cycles(CyclesPerSample);
            samples.Add(InUseMegabytes());
        }

        var series = string.Join(" ", samples.Select(s => $"{s.Native:F1}"));
        var nativeStep = MedianStep(samples.Select(s => s.Native).ToList());
        var managedStep = MedianStep(samples.Select(s => s.Managed).ToList());
        Assert.True(nativeStep < 0.25, $"native memory in use grows by {nativeStep:F2} MB per {CyclesPerSample} cycles (median step; samples, MB: {series})");
        Assert.True(managedStep < 0.1, $"managed memory grows by {managedStep:F2} MB per {CyclesPerSample} cycles (median step)");
    }

    /// <summary>The median of the differences between consecutive samples: a leak adds to every step, a buffer
    /// allocated once (or released) moves one step only.</summary>
    private static double MedianStep(IReadOnlyList<double> samples)
    {
        var steps = samples.Zip(samples.Skip(1), (a, b) => b - a).Order().ToList();
        return steps[steps.Count / 2];
    }

    private static (double Native, double Managed) InUseMegabytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var info = MallInfo2();
        return ((info.InUseChunks + info.MappedBytes) / 1048576.0, GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
    }

    /// <summary>glibc's <c>struct mallinfo2</c> (all arenas), in field order.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly struct MallInfo
    {
        public readonly nuint Arena, FreeChunkCount, FastbinCount, MappedCount, MappedBytes, MaxAllocated, FastbinFreeBytes, InUseChunks, FreeBytes, TopReleasable;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallInfo MallInfo2();
}
