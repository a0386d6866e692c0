using System.Collections;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using MLPipelines.Core.Runs.Onnx;
using MLPipelines.Data;
using MLPipelines.Results;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Writes a final model as a standalone ONNX file (<c>models/NAME.onnx</c>): the fitted preprocessing, the trainer
/// and the <c>Prediction</c> column in one graph that any ONNX runtime scores, one graph input per raw input column.
/// ML.NET's ONNX converter exports ML.NET's own transforms and trainers (LightGBM, FastTree, forests, linear models),
/// not expressions nor the ONNX transform that applies our networks and XGBoost boosters. So: the last step, the
/// binary or log-label <c>Prediction</c> expression, is written here as ONNX nodes (<c>Where</c>, <c>Exp</c>); a
/// model with expressions before its trainer or an ONNX transform is stitched from parts (ML.NET's conversion of each
/// run of its steps, <see cref="ExpressionNodes"/>, our own graph; <see cref="OnnxModelGraph"/>). Any other step the
/// converter cannot export is named, and a written graph whose inputs are not the model's input columns is refused.
/// </summary>
public static class OnnxModelWriter
{
    /// <summary>The default-domain opset the converter writes for graphs that are joined with ours (at most 12 there).</summary>
    private const int ConverterOpset = 12;

    /// <summary>
    /// Converts <paramref name="model"/> (fitted on views like <paramref name="input"/>, its label described by
    /// <paramref name="label"/>) and writes it to <paramref name="path"/>; returns the problem instead when it cannot
    /// be exported (no file is left).
    /// </summary>
    public static OnnxExport TryWrite(MLContext ml, ITransformer model, IDataView input, LabelInfo label, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(label);
        var steps = Leaves(model).ToList();
        var mapsPrediction = steps.Count > 0 && IsExpression(steps[^1]) && (label.Task == TaskKind.Binary || label.Transform == Spec.LabelTransform.Log);
        var body = mapsPrediction ? steps[..^1] : steps;
        var networks = body.Select((step, i) => (step, i)).Where(s => IsOnnxTransform(s.step)).Select(s => s.i).ToList();
        if (networks.Count > 1)
        {
            return OnnxExport.Unavailable("no ONNX file: the model applies more than one ONNX graph");
        }

        if (body.Where(s => !IsOnnxTransform(s) && !(IsExpression(s) && ExpressionNodes.CanWrite(s))).Select(Unsupported).FirstOrDefault(p => p is not null) is { } problem)
        {
            return OnnxExport.Unavailable("no ONNX file: " + problem);
        }

        var temporary = path + ".partial";
        try
        {
            var graph = networks.Count == 0 && !body.Any(IsExpression)
                ? OnnxModelGraph.Read(Convert(ml, Chain(body), input, null))
                : Stitched(ml, body, input, networks.Count == 0 ? null : ConverterOpset);
            if (CategoricalSplitNodes.Rewrite(graph, CategoricalSplitNodes.Ensembles(body)) is { } trees)
            {
                return OnnxExport.Unavailable("no ONNX file: " + trees);
            }

            if (mapsPrediction)
            {
                AddPrediction(graph, label);
            }

            File.WriteAllBytes(temporary, graph.ToArray());
            var missing = GraphInputs(temporary).Where(name => input.Schema.GetColumnOrNull(name) is null).ToList();
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

    /// <summary>
    /// The graph of a model that ML.NET's converter cannot convert in one piece: it applies an ONNX graph of ours
    /// (<paramref name="steps"/>[i] an ONNX transform) or has expressions before its trainer. The steps are cut into
    /// runs: each run of ML.NET transforms is converted on its own (graph inputs: the columns of the schema it starts
    /// from) and prefixed, our network's graph is prefixed, expressions are written as nodes
    /// (<see cref="ExpressionNodes"/>), and each part reads the tensors the parts before it wrote for its input columns.
    /// The graph inputs are the raw columns; the outputs are the columns the steps added or replaced (<c>NAME.output</c>).
    /// </summary>
    private static OnnxModelGraph Stitched(MLContext ml, List<ITransformer> steps, IDataView input, int? opset)
    {
        var graph = OnnxModelGraph.Read(Convert(ml, Chain([]), input, opset));
        graph.Nodes.Clear();
        graph.Outputs.Clear();
        var tensors = graph.Inputs.ToDictionary(OnnxModelGraph.NameOf, v => (Tensor: OnnxModelGraph.NameOf(v), Type: OnnxModelGraph.ElementType(v)), StringComparer.Ordinal);
        var schema = input.Schema;
        var part = 0;
        for (var at = 0; at < steps.Count; part++)
        {
            var prefix = $"part{part}/";
            if (IsExpression(steps[at]))
            {
                // Every column of one expression transformer reads the schema before it (ExpressionColumns groups
                // several), so the inputs are looked up before any of its outputs replaces a tensor.
                var columns = ExpressionNodes.Columns(steps[at]).Select(c => (c.Output, c.Text, Input: tensors[c.Inputs[0]].Tensor)).ToList();
                foreach (var (output, text, inputTensor) in columns)
                {
                    var type = ExpressionNodes.Write(graph, text, inputTensor, prefix + output);
                    tensors[output] = (prefix + output, type);
                }

                schema = steps[at++].GetOutputSchema(schema);
                continue;
            }

            OnnxModelGraph piece;
            if (IsOnnxTransform(steps[at]))
            {
                piece = OnnxModelGraph.Read(NetworkBytes(ml, steps[at]));
                schema = steps[at++].GetOutputSchema(schema);
            }
            else
            {
                var end = at;
                while (end < steps.Count && !IsExpression(steps[end]) && !IsOnnxTransform(steps[end]))
                {
                    end++;
                }

                var chain = Chain(steps[at..end]);
                piece = OnnxModelGraph.Read(Convert(ml, chain, new EmptySchemaView(schema), opset));
                piece.RepairSelfLoops();
                schema = chain.GetOutputSchema(schema);
                at = end;
            }

            var pieceInputs = piece.Inputs.Select(OnnxModelGraph.NameOf).ToList();
            var pieceOutputs = piece.Outputs.Select(o => (Name: OnnxModelGraph.NameOf(o), Type: OnnxModelGraph.ElementType(o))).ToList();
            piece.Prefix(prefix);
            graph.Append(piece);
            foreach (var name in pieceInputs.Where(tensors.ContainsKey))
            {
                graph.AddNode("Identity", [tensors[name].Tensor], [prefix + name]);
            }

            foreach (var (name, type) in pieceOutputs)
            {
                // The converter names a column's final tensor NAME.output; our network names its outputs after the columns.
                var column = ColumnOf(name) ?? (IsOnnxTransform(steps[at - 1]) ? name : null);
                if (column is not null)
                {
                    tensors[column] = (prefix + name, type);
                }
            }
        }

        if (graph.Opsets.GetValueOrDefault("") >= 13)
        {
            graph.MoveAttributesToInputs();
        }

        foreach (var column in schema.Where(c => !c.IsHidden))
        {
            if (tensors.TryGetValue(column.Name, out var tensor) && tensor.Tensor != column.Name)
            {
                graph.AddNode("Identity", [tensor.Tensor], [column.Name + OutputSuffix]);
                graph.Outputs.Add(OnnxModelGraph.TensorValueInfo(column.Name + OutputSuffix, tensor.Type));
            }
        }

        return graph;
    }

    /// <summary>
    /// The <c>Prediction</c> column of <see cref="Preprocessing.PredictionOutput"/> where it is an expression: binary,
    /// the label's class text chosen by the boolean <c>PredictedLabel</c> (<c>Where</c>); log label, <c>exp(Score)</c>.
    /// </summary>
    private static void AddPrediction(OnnxModelGraph graph, LabelInfo label)
    {
        var outputs = graph.Outputs.Select(OnnxModelGraph.NameOf).ToList();
        var suffix = OutputOf(outputs, "Score") is { } score ? score["Score".Length..] : "";
        var prediction = "Prediction" + suffix;
        if (label.Task == TaskKind.Binary)
        {
            var predicted = OutputOf(outputs, "PredictedLabel") ?? throw new InvalidOperationException("the graph has no PredictedLabel output");
            graph.AddStringInitializer("Prediction.positive", label.PositiveClass!);
            graph.AddStringInitializer("Prediction.negative", label.NegativeClass!);
            graph.AddNode("Where", [predicted, "Prediction.positive", "Prediction.negative"], [prediction]);
            graph.Outputs.Add(OnnxModelGraph.TensorValueInfo(prediction, 8));
        }
        else
        {
            graph.AddNode("Exp", [OutputOf(outputs, "Score") ?? throw new InvalidOperationException("the graph has no Score output")], [prediction]);
            graph.Outputs.Add(OnnxModelGraph.TensorValueInfo(prediction, 1));
        }
    }

    /// <summary>The graph output ML.NET's converter writes for <paramref name="column"/> (<c>column.output</c>), or null.</summary>
    private static string? OutputOf(IEnumerable<string> outputs, string column) =>
        outputs.FirstOrDefault(n => n == column + OutputSuffix) ?? outputs.FirstOrDefault(n => n == column);

    private static string? ColumnOf(string output) => output.EndsWith(OutputSuffix, StringComparison.Ordinal) ? output[..^OutputSuffix.Length] : null;

    private const string OutputSuffix = ".output";

    private static byte[] Convert(MLContext ml, ITransformer chain, IDataView root, int? opset)
    {
        using var stream = new MemoryStream();
        if (opset is { } version)
        {
            ml.Model.ConvertToOnnx(chain, root, version, stream);
        }
        else
        {
            ml.Model.ConvertToOnnx(chain, root, stream);
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The ONNX model an ONNX transform applies, as it saves it: the zip entry <c>OnnxModel</c> holds the model's length
    /// (int32) and bytes.
    /// </summary>
    private static byte[] NetworkBytes(MLContext ml, ITransformer onnxTransform)
    {
        using var zip = new MemoryStream();
        ml.Model.Save(onnxTransform, null, zip);
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        var entry = archive.Entries.Single(e => e.Name == "OnnxModel");
        using var reader = new BinaryReader(entry.Open());
        var length = reader.ReadInt32();
        return reader.ReadBytes(length);
    }

    private static TransformerChain<ITransformer> Chain(List<ITransformer> steps) => new([.. steps]);

    private static List<string> GraphInputs(string path)
    {
        using var session = new InferenceSession(path);
        return [.. session.InputMetadata.Keys];
    }

    private static bool IsOnnxTransform(ITransformer step) => step.GetType().Name == "OnnxTransformer";

    private static bool IsExpression(ITransformer step) => step.GetType().Name == "ExpressionTransformer";

    /// <summary>Why ML.NET's converter cannot export <paramref name="step"/>, or null when it can (or may: the input check decides).</summary>
    private static string? Unsupported(ITransformer step) => step.GetType().Name switch
    {
        "ExpressionTransformer" => "the model has an expression transform before its trainer that is none of the forms our preprocessing writes as ONNX nodes (missing tokens, categorical imputation, boolean text, indicators), and ML.NET's converter cannot export expressions",
        "ImageLoadingTransformer" => "the model reads image files (ML.NET's image loading transform), which has no ONNX form",
        _ when !(step.GetType().Assembly.GetName().Name ?? "").StartsWith("Microsoft.ML", StringComparison.Ordinal) =>
            $"step {step.GetType().Name} is not an ML.NET transform, which ML.NET's converter cannot export",
        _ => null,
    };

    /// <summary>Every transformer of <paramref name="model"/> in order, nested chains flattened.</summary>
    private static IEnumerable<ITransformer> Leaves(ITransformer model) =>
        model is IEnumerable chain ? chain.OfType<ITransformer>().SelectMany(Leaves) : [model];

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
