using System.Collections;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Writes a final model as a standalone ONNX file (<c>models/NAME.onnx</c>) with ML.NET's ONNX converter: the fitted
/// preprocessing and the trainer in one graph that any ONNX runtime scores, one graph input per raw input column.
/// The converter covers ML.NET's own transforms and trainers (LightGBM, FastTree, forests, linear models), not our
/// trainers' models (their network or booster is ONNX already, inside the zip) nor expressions. For such a step it
/// silently starts the graph after it, so those steps are named up front, and a written graph whose inputs are not
/// the model's input columns is refused too.
/// </summary>
public static class OnnxModelWriter
{
    /// <summary>
    /// Converts <paramref name="model"/> (fitted on views like <paramref name="input"/>) and writes it to
    /// <paramref name="path"/>; returns the problem instead when it cannot be exported (no file is left).
    /// </summary>
    public static OnnxExport TryWrite(MLContext ml, ITransformer model, IDataView input, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        if (Steps(model).Select(Unsupported).FirstOrDefault(p => p is not null) is { } problem)
        {
            return OnnxExport.Unavailable("no ONNX file: " + problem);
        }

        var temporary = path + ".partial";
        try
        {
            using (var stream = File.Create(temporary))
            {
                ml.Model.ConvertToOnnx(model, input, stream);
            }

            var inputs = GraphInputs(temporary);
            var missing = inputs.Where(name => input.Schema.GetColumnOrNull(name) is null).ToList();
            if (missing.Count > 0)
            {
                File.Delete(temporary);
                return OnnxExport.Unavailable($"no ONNX file: ML.NET's converter could not export every step (its graph starts at {string.Join(", ", missing)})");
            }

            File.Move(temporary, path, overwrite: true);
            return OnnxExport.Written(path);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            File.Delete(temporary);
            return OnnxExport.Unavailable($"no ONNX file: ML.NET's converter failed ({Innermost(e).Message})");
        }
    }

    private static List<string> GraphInputs(string path)
    {
        using var session = new InferenceSession(path);
        return [.. session.InputMetadata.Keys];
    }

    /// <summary>Why ML.NET's converter cannot export <paramref name="step"/>, or null when it can (or may: the input check decides).</summary>
    private static string? Unsupported(ITransformer step) => step.GetType().Name switch
    {
        "OnnxTransformer" => "the model scores with ML.NET's ONNX transform (our neural and XGBoost trainers: the network or booster is ONNX already, inside the zip), which ML.NET's converter cannot export",
        "ExpressionTransformer" => "the model has an expression transform (our categorical imputation, missing-value indicators and tokens, boolean columns and the binary or log-label Prediction column use them), which ML.NET's converter cannot export",
        _ when !(step.GetType().Assembly.GetName().Name ?? "").StartsWith("Microsoft.ML", StringComparison.Ordinal) =>
            $"step {step.GetType().Name} is not an ML.NET transform, which ML.NET's converter cannot export",
        _ => null,
    };

    /// <summary>Every transformer of <paramref name="model"/>, nested chains flattened.</summary>
    private static IEnumerable<ITransformer> Steps(ITransformer model) =>
        model is IEnumerable chain ? chain.OfType<ITransformer>().SelectMany(Steps).Prepend(model) : [model];

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
