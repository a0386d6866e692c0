using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MLPipelines.Spec;

/// <summary>
/// Writes a <see cref="PipelineSpec"/> back as YAML with every value explicit (<c>resolved.yaml</c> in the run
/// folder): the data path absolute, every default filled in, every trainer and step option listed. Keys that do
/// not apply (e.g. <c>test_fraction</c> under k-fold) are left out, so the output loads back through
/// <see cref="SpecLoader"/> to an equal spec and reruns the same experiment from any folder.
/// </summary>
public static partial class ResolvedSpecWriter
{
    /// <summary>Writes <see cref="ToYaml"/> to <paramref name="path"/> (UTF-8, LF line ends).</summary>
    public static void Write(PipelineSpec spec, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, ToYaml(spec));
    }

    /// <summary>The resolved spec as YAML text.</summary>
    public static string ToYaml(PipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        emitter.Emit(new Comment("Resolved pipeline definition: every default filled in. Loads with mlpipe like any spec.", false));
        if (spec.SourcePath.Length > 0)
        {
            emitter.Emit(new Comment($"Source: {spec.SourcePath}", false));
        }

        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        Pair(emitter, "version", (long)spec.Version);
        Pair(emitter, "name", spec.Name);
        WriteData(emitter, spec.Data);
        WriteEvaluation(emitter, spec.Evaluation);
        if (spec.Models.Any(m => m.Tune is not null))
        {
            Key(emitter, "tuning");
            WriteTuning(emitter, spec.Tuning, null);
        }
        Key(emitter, "preprocessing");
        WriteSteps(emitter, spec.Preprocessing);
        Key(emitter, "models");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var model in spec.Models)
        {
            WriteModel(emitter, model);
        }

        emitter.Emit(new SequenceEnd());
        Key(emitter, "report");
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        Pair(emitter, "formats", spec.Report.Formats);
        Pair(emitter, "baseline", spec.Report.Baseline);
        Pair(emitter, "all_pairs", spec.Report.AllPairs);
        Pair(emitter, "feature_importance", spec.Report.FeatureImportance);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private static void WriteData(Emitter emitter, DataSpec data)
    {
        Key(emitter, "data");
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        if (data.Kind == DataKind.Images)
        {
            WriteImageData(emitter, data);
            emitter.Emit(new MappingEnd());
            return;
        }

        Pair(emitter, "path", data.Path);
        Pair(emitter, "label", data.Label);
        Pair(emitter, "task", data.Task is { } task ? YamlNames.Of(task) : null);
        Pair(emitter, "label_transform", YamlNames.Of(data.LabelTransform));
        Pair(emitter, "positive_class", data.PositiveClass);
        Pair(emitter, "separator", YamlNames.OfSeparator(data.Separator));
        Pair(emitter, "missing_values", data.MissingValues);
        Key(emitter, "columns");
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        Pair(emitter, "ignore", data.Columns.Ignore);
        Pair(emitter, "categorical", data.Columns.Categorical);
        Pair(emitter, "numeric", data.Columns.Numeric);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new MappingEnd());
    }

    /// <summary>The keys that apply to the image format, and only those (others would not load back).</summary>
    private static void WriteImageData(Emitter emitter, DataSpec data)
    {
        var format = data.Format ?? throw new InvalidOperationException("Image data without a format cannot be written.");
        Pair(emitter, "kind", YamlNames.Of(data.Kind));
        Pair(emitter, "format", YamlNames.Of(format));
        if (data.Train is null)
        {
            Pair(emitter, "path", data.Path);
        }
        else
        {
            WriteSet(emitter, "train", data.Train);
        }

        if (data.Test is not null)
        {
            WriteSet(emitter, "test", data.Test);
        }

        if (format == ImageFormat.CsvPixels)
        {
            Pair(emitter, "label", data.Label);
        }

        Pair(emitter, "task", data.Task is { } task ? YamlNames.Of(task) : null);
        if (format == ImageFormat.CsvPixels)
        {
            Pair(emitter, "separator", YamlNames.OfSeparator(data.Separator));
        }

        if (format == ImageFormat.Idx)
        {
            Pair(emitter, "classes", data.Classes);
            return;
        }

        Key(emitter, "image");
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Flow));
        Pair(emitter, "width", data.Image.Width is { } width ? (long)width : null);
        Pair(emitter, "height", data.Image.Height is { } height ? (long)height : null);
        Pair(emitter, "channels", data.Image.Channels is { } channels ? (long)channels : null);
        if (format == ImageFormat.Folders)
        {
            Pair(emitter, "resize", YamlNames.Of(data.Image.Resize));
        }

        emitter.Emit(new MappingEnd());
        if (format == ImageFormat.CsvPixels)
        {
            Pair(emitter, "pixel_max", data.PixelMax);
        }
        else
        {
            Pair(emitter, "skip_unreadable", data.SkipUnreadable);
        }
    }

    private static void WriteSet(Emitter emitter, string key, ImageSetSpec set)
    {
        if (set.Labels is null)
        {
            Pair(emitter, key, set.Images);
            return;
        }

        Key(emitter, key);
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        Pair(emitter, "images", set.Images);
        Pair(emitter, "labels", set.Labels);
        emitter.Emit(new MappingEnd());
    }

    private static void WriteEvaluation(Emitter emitter, EvaluationSpec evaluation)
    {
        Key(emitter, "evaluation");
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        Pair(emitter, "method", YamlNames.Of(evaluation.Method));
        if (evaluation.Method == EvaluationMethod.KFold)
        {
            Pair(emitter, "folds", (long)evaluation.Folds);
        }

        if (evaluation.Method != EvaluationMethod.TestSet)
        {
            Pair(emitter, "repeats", (long)evaluation.Repeats);
            Pair(emitter, "stratify", evaluation.Stratify);
        }

        if (evaluation.Method == EvaluationMethod.Holdout)
        {
            Pair(emitter, "test_fraction", evaluation.TestFraction);
        }

        Pair(emitter, "seed", (long)evaluation.Seed);
        Pair(emitter, "primary_metric", evaluation.PrimaryMetric);
        emitter.Emit(new MappingEnd());
    }

    private static void WriteSteps(Emitter emitter, List<PreprocessingStepSpec> steps)
    {
        emitter.Emit(new SequenceStart(null, null, false, steps.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
        foreach (var step in steps)
        {
            if (step.Options.Count == 0)
            {
                Value(emitter, step.Kind);
                continue;
            }

            emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
            Key(emitter, step.Kind);
            emitter.Emit(new MappingStart(null, null, false, MappingStyle.Flow));
            foreach (var (name, value) in step.Options)
            {
                Pair(emitter, name, value);
            }

            emitter.Emit(new MappingEnd());
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
    }

    private static void WriteModel(Emitter emitter, ModelSpec model)
    {
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        Pair(emitter, "name", model.Name);
        Pair(emitter, "trainer", model.Trainer);
        if (model.Preprocessing is { } steps)
        {
            Key(emitter, "preprocessing");
            WriteSteps(emitter, steps);
        }

        Key(emitter, "options");
        emitter.Emit(new MappingStart(null, null, false, model.Options.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
        foreach (var (name, value) in model.Options)
        {
            Pair(emitter, name, value);
        }

        emitter.Emit(new MappingEnd());
        if (model.Tune is { } tune)
        {
            Key(emitter, "tune");
            WriteTuning(emitter, tune.Settings, tune.Space);
        }

        emitter.Emit(new MappingEnd());
    }

    /// <summary>A <c>tuning:</c> section, or a <c>tune:</c> mapping (every key written, the space when the model has its own).</summary>
    private static void WriteTuning(Emitter emitter, TuningSpec tuning, MLPipelines.Tuning.Search.SearchSpace? space)
    {
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
        if (space is not null)
        {
            Key(emitter, "space");
            emitter.Emit(new MappingStart(null, null, false, MappingStyle.Block));
            foreach (var dimension in space.Dimensions)
            {
                Key(emitter, dimension.Name);
                emitter.Emit(new MappingStart(null, null, false, MappingStyle.Flow));
                Key(emitter, dimension.Distribution.Kind);
                Value(emitter, dimension.Distribution switch
                {
                    MLPipelines.Tuning.Search.UniformDistribution u => new List<object> { u.Low, u.High },
                    MLPipelines.Tuning.Search.LogUniformDistribution l => new List<object> { l.Low, l.High },
                    MLPipelines.Tuning.Search.IntUniformDistribution i => new List<object> { i.Low, i.High },
                    MLPipelines.Tuning.Search.IntLogUniformDistribution i => new List<object> { i.Low, i.High },
                    var other => (object)other.Choices!.ToList(),
                });
                emitter.Emit(new MappingEnd());
            }

            emitter.Emit(new MappingEnd());
        }

        Flow(emitter, "budget", ("seconds", tuning.BudgetSeconds), ("trials", tuning.BudgetTrials is { } t ? (long)t : null));
        Flow(emitter, "inner", ("method", tuning.InnerMethod), tuning.InnerMethod == "kfold" ? ("folds", (object)(long)tuning.InnerFolds) : ("test_fraction", tuning.InnerTestFraction));
        Pair(emitter, "strategy", tuning.Strategy);
        Flow(emitter, "ensemble", ("size", (long)tuning.EnsembleSize));
        Pair(emitter, "selection", tuning.Selection);
        Flow(emitter, "parallel", ("trials", tuning.ParallelTrials is { } p ? (long)p : null), ("threads", tuning.Threads is { } h ? (long)h : null));
        emitter.Emit(new MappingEnd());
    }

    private static void Flow(Emitter emitter, string key, params (string Key, object? Value)[] pairs)
    {
        Key(emitter, key);
        emitter.Emit(new MappingStart(null, null, false, MappingStyle.Flow));
        foreach (var (name, value) in pairs)
        {
            Pair(emitter, name, value);
        }

        emitter.Emit(new MappingEnd());
    }

    private static void Pair(Emitter emitter, string key, object? value)
    {
        Key(emitter, key);
        Value(emitter, value);
    }

    private static void Key(Emitter emitter, string key) => emitter.Emit(new Scalar(key));

    private static void Value(Emitter emitter, object? value)
    {
        switch (value)
        {
            case null:
                emitter.Emit(new Scalar("null"));
                break;
            case bool flag:
                emitter.Emit(new Scalar(flag ? "true" : "false"));
                break;
            case string text:
                emitter.Emit(IsSafePlain(text)
                    ? new Scalar(null, null, text, ScalarStyle.Plain, true, false)
                    : new Scalar(null, null, text, ScalarStyle.DoubleQuoted, false, true));
                break;
            case double number:
                emitter.Emit(new Scalar(ScalarValue.FormatDouble(number)));
                break;
            case float number:
                emitter.Emit(new Scalar(ScalarValue.FormatDouble(number)));
                break;
            case long or int or short or byte:
                emitter.Emit(new Scalar(Convert.ToString(value, CultureInfo.InvariantCulture)!));
                break;
            case IEnumerable items:
                emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Flow));
                foreach (var item in items)
                {
                    Value(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                throw new InvalidOperationException($"Cannot write a value of type {value.GetType().Name} to a resolved spec.");
        }
    }

    /// <summary>Plain only when a reader sees the same string: no YAML indicators, not a number, bool or null.</summary>
    internal static bool IsSafePlain(string text) =>
        SafePlain().IsMatch(text) && ScalarValue.ClassifyPlain(text).Type == ScalarType.String;

    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9_./+-]*( [A-Za-z0-9_./+-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePlain();
}
