using System.Globalization;
using System.Text;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Tests.Tuning;

/// <summary>
/// A table of pure noise: a <c>tag</c> column (row r has r + 0.5; not integers, so it is used as a feature and a test
/// can see which rows a fit received), eight random
/// numbers and a random binary label. No model can beat chance on rows it did not train on.
/// </summary>
internal static class NoiseTable
{
    /// <param name="balanced">Exactly half the rows of each class (shuffled), so not even the sample's class prior carries signal.</param>
    public static TabularDataset Load(int rows, int seed, bool balanced = false)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, rows).Select(i => i % 2 == 0).ToArray();
        random.Shuffle(labels);
        var text = new StringBuilder("tag,x1,x2,x3,x4,x5,x6,x7,x8,y\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append((i + 0.5).ToString(CultureInfo.InvariantCulture));
            for (var c = 0; c < 8; c++)
            {
                text.Append(',').Append(random.NextDouble().ToString("0.0000", CultureInfo.InvariantCulture));
            }

            text.Append((balanced ? labels[i] : random.Next(2) == 0) ? ",no\n" : ",yes\n");
        }

        var path = TestPaths.WriteCsv(text.ToString());
        return DatasetLoader.Load(new PipelineSpec { Data = new DataSpec { Path = path, Label = "y", Task = TaskKind.Binary, PositiveClass = "yes" } });
    }
}
