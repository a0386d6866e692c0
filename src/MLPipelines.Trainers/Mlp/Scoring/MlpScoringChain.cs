using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results;

namespace MLPipelines.Trainers.Mlp.Scoring;

/// <summary>
/// The ML.NET transforms that serve a trained MLP: <c>ApplyOnnxModel</c> on the network's ONNX bytes (ML.NET stores
/// them in the model zip) followed by stateless glue, so the output has ML.NET's standard prediction columns:
/// <list type="bullet">
/// <item>binary: ONNX <c>MlpLogit</c>, <c>MlpProbability</c> -> <see cref="BinaryScoreMapping"/> -> <c>Score</c>, <c>Probability</c>, <c>PredictedLabel</c>;</item>
/// <item>multiclass: ONNX <c>Score</c> (class probabilities) -> <see cref="ClassIndexMapping"/> -> <c>MapValue</c> (index to the
///   label's key value) -> <c>MapValueToKey</c> with the label's key values in key order -> <c>PredictedLabel</c>, a key
///   of the label's type with the label's key-value annotations;</item>
/// <item>regression: ONNX <c>MlpValue</c> -> <see cref="RegressionScoreMapping"/> -> <c>Score</c>.</item>
/// </list>
/// Temporary columns are dropped at the end.
/// </summary>
internal static class MlpScoringChain
{
    /// <summary>The unfitted chain; <paramref name="label"/> is the training label column (its key values for multiclass).</summary>
    public static IEstimator<ITransformer> Create(MLContext ml, TaskKind task, byte[] onnx, string featureColumn, DataViewSchema.Column label, int classCount)
    {
        switch (task)
        {
            case TaskKind.Binary:
                return ml.Transforms.ApplyOnnxModel([ScoreColumns.Logit, ScoreColumns.Probability], [featureColumn], new MemoryStream(onnx))
                    .Append(ml.Transforms.CustomMapping<BinaryScoreMapping.Input, BinaryScoreMapping.Output>(BinaryScoreMapping.Map, BinaryScoreMapping.ContractName))
                    .Append(ml.Transforms.DropColumns(ScoreColumns.Logit, ScoreColumns.Probability));
            case TaskKind.Regression:
                return ml.Transforms.ApplyOnnxModel([ScoreColumns.Value], [featureColumn], new MemoryStream(onnx))
                    .Append(ml.Transforms.CustomMapping<RegressionScoreMapping.Input, RegressionScoreMapping.Output>(RegressionScoreMapping.Map, RegressionScoreMapping.ContractName))
                    .Append(ml.Transforms.DropColumns(ScoreColumns.Value));
            default:
                var scoring = ml.Transforms.ApplyOnnxModel(["Score"], [featureColumn], new MemoryStream(onnx))
                    .Append(ml.Transforms.CustomMapping<ClassIndexMapping.Input, ClassIndexMapping.Output>(ClassIndexMapping.Map, ClassIndexMapping.ContractName));
                return scoring
                    .Append(KeyMapping(ml, label, classCount))
                    .Append(ml.Transforms.DropColumns(ScoreColumns.ClassIndex, ScoreColumns.ClassValue));
        }
    }

    /// <summary>Class index -> the label's key value -> a key like the label's (same count, order and key values).</summary>
    private static IEstimator<ITransformer> KeyMapping(MLContext ml, DataViewSchema.Column label, int classCount)
    {
        var keyValues = label.Annotations.Schema.GetColumnOrNull(AnnotationKeyValues);
        if (keyValues?.Type is VectorDataViewType { ItemType: PrimitiveDataViewType item })
        {
            var raw = item.RawType == typeof(ReadOnlyMemory<char>) ? typeof(string) : item.RawType;
            var method = typeof(MlpScoringChain).GetMethod(nameof(KeyMappingOf), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(item.RawType, raw);
            return (IEstimator<ITransformer>)method.Invoke(null, [ml, label, classCount])!;
        }

        // No key values: name the classes 1..K, in key order.
        var names = Enumerable.Range(1, classCount).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Values(ml, names);
    }

    private const string AnnotationKeyValues = "KeyValues";

    private static EstimatorChain<Microsoft.ML.Transforms.ValueToKeyMappingTransformer> KeyMappingOf<TAnnotation, TValue>(MLContext ml, DataViewSchema.Column label, int classCount)
    {
        var buffer = default(VBuffer<TAnnotation>);
        label.Annotations.GetValue(AnnotationKeyValues, ref buffer);
        var values = buffer.DenseValues().Select(v => (TValue)(object)(v is ReadOnlyMemory<char> text ? text.ToString() : v!)).ToArray();
        if (values.Length != classCount)
        {
            throw new InvalidOperationException($"The label's key-value annotation has {values.Length} values for {classCount} classes.");
        }

        return Values(ml, values);
    }

    private static EstimatorChain<Microsoft.ML.Transforms.ValueToKeyMappingTransformer> Values<TValue>(MLContext ml, TValue[] values)
    {
        var keyData = ml.Data.LoadFromEnumerable(values.Select(v => new KeyRow<TValue> { Value = v }));
        return ml.Transforms.Conversion.MapValue(ScoreColumns.ClassValue, values.Select((v, i) => new KeyValuePair<float, TValue>(i, v)), ScoreColumns.ClassIndex)
            .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", ScoreColumns.ClassValue, keyData: keyData));
    }

    private sealed class KeyRow<T>
    {
        public T Value { get; set; } = default!;
    }
}
