using System.Globalization;
using System.Text;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;

namespace MLPipelines.Core.Tests.Runs;

public sealed class PermutationImportanceTests
{
    [Fact]
    public void PipelineRunner_Run_InformativeColumnMattersAndNoiseDoesNot()
    {
        // y is "signal > 0.5" with 3% of labels flipped; noise and color are unrelated to it.
        var rng = new Random(11);
        var csv = new StringBuilder("signal,noise,color,y\n");
        for (var i = 0; i < 400; i++)
        {
            var signal = rng.NextDouble();
            var positive = (signal > 0.5) ^ (rng.NextDouble() < 0.03);
            csv.Append(CultureInfo.InvariantCulture, $"{signal:F4},{rng.NextDouble():F4},{(rng.Next(3) switch { 0 => "red", 1 => "green", _ => "blue" })},{(positive ? "yes" : "no")}\n");
        }

        var spec = TestSpecs.Create(TestPaths.WriteCsv(csv.ToString()), "y", ("linear", "lbfgs"), ("trees", "fasttree"));
        spec.Models[1].Options["trees"] = 20L;

        var results = new PipelineRunner(BuiltinTrainers.CreateRegistry())
            .Run(spec, new RunOptions { OutputDirectory = Path.Combine(TestPaths.NewTempFolder(), "run") }).Results;

        foreach (var model in results.Models)
        {
            var importance = model.FeatureImportance!;
            Assert.Equal(("accuracy", "columns", 2, 3), (importance.Metric, importance.Unit, importance.Permutations, importance.Splits));
            // One entry per source column: the one-hot slots of color count as one feature.
            Assert.Equal(["color", "noise", "signal"], importance.Features.Select(f => f.Feature).Order(StringComparer.Ordinal));
            var signal = importance.Features[0];
            Assert.Equal("signal", signal.Feature);
            Assert.True(signal.Importance > 0.3, $"{model.Name}: signal {signal.Importance}");
            Assert.Equal(-signal.MeanChange, signal.Importance);
            foreach (var other in importance.Features.Skip(1))
            {
                Assert.True(Math.Abs(other.Importance) < 0.03, $"{model.Name}: {other.Feature} {other.Importance}");
                Assert.True(signal.Importance > 10 * Math.Max(Math.Abs(other.Importance), 0.01), $"{model.Name}: {other.Feature}");
            }
        }
    }
}
