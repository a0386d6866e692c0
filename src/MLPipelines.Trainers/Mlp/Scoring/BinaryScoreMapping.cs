using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace MLPipelines.Trainers.Mlp.Scoring;

/// <summary>
/// Kept only so model zips written before <see cref="IdentityScorers"/> replaced it still load (new zips hold ML.NET
/// types only). /// Stateless glue saved by contract name in model zips: the ONNX graph's [1]-vectors become ML.NET's scalar binary
/// columns <c>Score</c> (logit), <c>Probability</c> and <c>PredictedLabel</c> (<c>logit &gt; 0</c>). ML.NET reloads it
/// from this assembly by the name stored in the zip (no registration call needed when the assembly can be loaded).
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class BinaryScoreMapping : CustomMappingFactory<BinaryScoreMapping.Input, BinaryScoreMapping.Output>
{
    public const string ContractName = "MLPipelines.Mlp.BinaryScore";

    public static void Map(Input input, Output output)
    {
        output.Score = input.Logit[0];
        output.Probability = input.Probability[0];
        output.PredictedLabel = input.Logit[0] > 0f;
    }

    public override Action<Input, Output> GetMapping() => Map;

    internal sealed class Input
    {
        [ColumnName(ScoreColumns.Logit)]
        [VectorType(1)]
        public float[] Logit { get; set; } = [];

        [ColumnName(ScoreColumns.Probability)]
        [VectorType(1)]
        public float[] Probability { get; set; } = [];
    }

    internal sealed class Output
    {
        public float Score { get; set; }

        public float Probability { get; set; }

        public bool PredictedLabel { get; set; }
    }
}
