using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// Native memory does not grow with fits: over 200 fit/score/dispose cycles (a DMatrix, a booster and an ONNX
/// Runtime session each time) resident memory stays flat once the allocator has settled (it rises by a few MB over
/// the first ~50 cycles, then stays within about 1 MB); leaving the models to the finalizers instead grew it by 5.1 MB over the same 150 cycles.
/// Runs alone (<see cref="AloneCollection"/>): other tests' allocations would move the process's memory too.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class XGBoostLeakTests
{
    [Fact]
    public void XGBoostTrainer_200FitDisposeCycles_KeepMemoryFlat()
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
        var settled = ResidentMegabytes();
        Cycles(150);
        var growth = ResidentMegabytes() - settled;

        Assert.True(growth < 3, $"resident memory grew by {growth:F1} MB over the last 150 of 200 cycles");
    }

    private static double ResidentMegabytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / (1024.0 * 1024.0);
    }
}
