using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace MLPipelines.Trainers.Mlp.Scoring;

/// <summary>
/// Kept only so model zips written before <see cref="IdentityScorers"/> replaced it still load (new zips hold ML.NET
/// types only). Stateless glue (saved by contract name): the ONNX graph's [1]-vector prediction becomes the scalar <c>Score</c>.</summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class RegressionScoreMapping : CustomMappingFactory<RegressionScoreMapping.Input, RegressionScoreMapping.Output>
{
    public const string ContractName = "MLPipelines.Mlp.RegressionScore";

    public static void Map(Input input, Output output) => output.Score = input.Value[0];

    public override Action<Input, Output> GetMapping() => Map;

    internal sealed class Input
    {
        [ColumnName(ScoreColumns.Value)]
        [VectorType(1)]
        public float[] Value { get; set; } = [];
    }

    internal sealed class Output
    {
        public float Score { get; set; }
    }
}
