using Microsoft.ML;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Core.Trainers.Builtin;
using MLPipelines.Results;

namespace MLPipelines.Core.Tests.Trainers;

public sealed class NativeFitGateTests
{
    [Fact]
    public void NativeFitGate_Fit_NeverRunsTwoFitsAtOnce()
    {
        var probe = new OverlapProbe();
        var gate = new object();
        var data = new MLContext(seed: 1).Data.LoadFromEnumerable([new Row { X = 1 }]);

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => new NativeFitGate(probe, gate).Fit(data));

        Assert.Equal(8, probe.Fits);
        Assert.Equal(1, probe.MostAtOnce);
    }

    [Fact]
    public void NativeFitGate_Fit_RunsEveryFitOnOneThreadWhicheverThreadCalls()
    {
        var probe = new OverlapProbe();
        var threads = new OpenMpThreads();
        var gate = new object();
        var data = new MLContext(seed: 1).Data.LoadFromEnumerable([new Row { X = 1 }]);

        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 3 }, _ => new NativeFitGate(probe, gate, threads).Fit(data));

        Assert.Equal(6, probe.Fits);
        Assert.Single(probe.Threads);
    }

    [Theory]
    [InlineData(TaskKind.Binary)]
    [InlineData(TaskKind.Multiclass)]
    [InlineData(TaskKind.Regression)]
    public void LightGbmPlugin_CreateEstimator_GoesThroughTheProcessWideGate(TaskKind task)
    {
        var context = new TrainerContext { MLContext = new MLContext(1), Task = task, ClassCount = task == TaskKind.Regression ? 0 : 3 };

        var estimator = new LightGbmTrainerPlugin().CreateEstimator(context, new Dictionary<string, object?>());

        Assert.IsType<NativeFitGate>(estimator);
    }

    private sealed class Row
    {
        public float X { get; set; }
    }

    /// <summary>An estimator that counts how many of its fits overlap in time.</summary>
    private sealed class OverlapProbe : IEstimator<ITransformer>
    {
        private int running;
        private int most;
        private int fits;

        public HashSet<int> Threads { get; } = [];

        public int MostAtOnce => most;

        public int Fits => fits;

        public ITransformer Fit(IDataView input)
        {
            lock (Threads)
            {
                Threads.Add(Environment.CurrentManagedThreadId);
            }

            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref fits);
            return new MLContext().Transforms.CopyColumns("Y", "X").Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inputSchema;

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
