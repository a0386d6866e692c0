using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace MLPipelines.Trainers.Mlp.Scoring;

/// <summary>
/// Kept only so model zips written before <see cref="IdentityScorers"/> replaced it still load (new zips hold ML.NET
/// types only). /// Stateless glue (saved by contract name): the 0-based index of the largest class probability in <c>Score</c>
/// (the first one on ties, like ONNX ArgMax), as a scalar for the value and key mappings that follow.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class ClassIndexMapping : CustomMappingFactory<ClassIndexMapping.Input, ClassIndexMapping.Output>
{
    public const string ContractName = "MLPipelines.Mlp.ClassIndex";

    public static void Map(Input input, Output output)
    {
        var scores = input.Score;
        var best = 0;
        for (var k = 1; k < scores.Length; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        output.ClassIndex = best;
    }

    public override Action<Input, Output> GetMapping() => Map;

    internal sealed class Input
    {
        [VectorType]
        public float[] Score { get; set; } = [];
    }

    internal sealed class Output
    {
        [ColumnName(ScoreColumns.ClassIndex)]
        public float ClassIndex { get; set; }
    }
}
