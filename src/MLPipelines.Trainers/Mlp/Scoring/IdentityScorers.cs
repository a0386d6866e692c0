using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace MLPipelines.Trainers.Mlp.Scoring;

/// <summary>
/// ML.NET's own scorers over identity linear models. The ONNX transform can only output vectors (a network's
/// logit or value is a [1]-vector), and the scorers are the one kind of built-in ML.NET transform that turns a vector
/// into the scalar columns ML.NET trainers produce; a zip made of them (and the ONNX transform) holds nothing but
/// ML.NET types, so plain ML.NET loads it without our assembly. The model is the identity: weight 1 on each input
/// slot, bias 0, so <c>Score = 1 * x + 0 = x</c> exactly; the binary scorer's <c>PredictedLabel</c> is
/// <c>Score &gt; 0</c> (the logit's sign) and the multiclass one the first largest score as a key with the label's
/// key values, the same rules as the stateless glue these replace.
/// </summary>
/// <remarks>
/// The prediction transformers' constructors are internal to ML.NET (its trainers call them), so they are invoked by
/// reflection against the pinned Microsoft.ML version; a missing constructor fails with a message, never silently.
/// </remarks>
internal static class IdentityScorers
{
    /// <summary>A regression scorer: scalar <c>Score</c> = the single slot of <paramref name="feature"/>.</summary>
    public static ITransformer Regression(MLContext ml, DataViewSchema schema, string feature) =>
        Construct(typeof(RegressionPredictionTransformer<LinearRegressionModelParameters>),
            ml, Create(typeof(LinearRegressionModelParameters), ml, Unit(1, 0), 0f), schema, feature);

    /// <summary>A binary scorer: <c>Score</c> = the single slot of <paramref name="feature"/>, <c>PredictedLabel</c> = Score &gt; 0.</summary>
    public static ITransformer Binary(MLContext ml, DataViewSchema schema, string feature) =>
        Construct(typeof(BinaryPredictionTransformer<LinearBinaryModelParameters>),
            ml, Create(typeof(LinearBinaryModelParameters), ml, Unit(1, 0), 0f), schema, feature, 0f, DefaultColumnNames.Score);

    /// <summary>
    /// A multiclass scorer: <c>Score</c> = <paramref name="feature"/> (the class probabilities), <c>PredictedLabel</c> =
    /// the key of the first largest score, with the key values of <paramref name="label"/> in <paramref name="schema"/>.
    /// </summary>
    public static ITransformer Multiclass(MLContext ml, DataViewSchema schema, string feature, string label, int classes)
    {
        var weights = Enumerable.Range(0, classes).Select(k => Unit(classes, k)).ToArray();
        var model = Create(typeof(LinearMulticlassModelParameters), ml, weights, new float[classes], classes, classes, null);
        return Construct(typeof(MulticlassPredictionTransformer<LinearMulticlassModelParameters>),
            ml, model, schema, feature, label, DefaultColumnNames.Score, DefaultColumnNames.PredictedLabel);
    }

    private static ITransformer Construct(Type type, params object?[] args) => (ITransformer)Create(type, args);

    /// <summary>A sparse vector of <paramref name="length"/> with 1 at <paramref name="index"/>.</summary>
    private static VBuffer<float> Unit(int length, int index) => new(length, 1, [1f], [index]);

    private static object Create(Type type, params object?[] args)
    {
        foreach (var constructor in type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            var parameters = constructor.GetParameters();
            if (Accepts(parameters, args))
            {
                // Trailing optional parameters (model statistics, column names) take their defaults.
                return constructor.Invoke([.. args, .. parameters.Skip(args.Length).Select(p => p.DefaultValue)]);
            }
        }

        throw new InvalidOperationException(
            $"This Microsoft.ML version has no constructor {type.Name}({string.Join(", ", args.Select(a => a?.GetType().Name ?? "null"))}): "
            + "the neural and XGBoost trainers build ML.NET's scorers with it; use the Microsoft.ML version MLPipelines was built with.");
    }

    private static bool Accepts(ParameterInfo[] parameters, object?[] args) =>
        parameters.Length >= args.Length
        && parameters.Skip(args.Length).All(p => p.IsOptional)
        && parameters.Zip(args).All(p =>
        {
            var type = p.First.ParameterType.IsByRef ? p.First.ParameterType.GetElementType()! : p.First.ParameterType;
            return p.Second is null ? !type.IsValueType : type.IsInstanceOfType(p.Second);
        });

    private static class DefaultColumnNames
    {
        public const string Score = "Score";
        public const string PredictedLabel = "PredictedLabel";
    }
}
