using MLPipelines.Results;
using MLPipelines.Spec.Declarations;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>
/// Loads a pipeline definition (YAML, format version 1) into an immutable <see cref="PipelineSpec"/>,
/// validating it strictly before any data is read: unknown keys, wrong types, out-of-range and unknown values,
/// missing required keys, duplicate model names, unknown trainers, trainer and step options, a data file that does
/// not exist. All problems are collected and thrown together as one <see cref="SpecException"/>, each as
/// <c>file:line:col: key.path: message</c>, sorted by position.
/// </summary>
/// <remarks>
/// When <c>data.task</c> is written, the task-dependent rules run too and the spec comes back resolved. When it is
/// left out, the runner infers the task from the label column and calls <see cref="Resolve"/>, which runs the
/// same rules and returns a new spec with the task, <c>evaluation.stratify</c> and <c>evaluation.primary_metric</c>
/// filled. Nothing changes a spec in place.
/// </remarks>
public sealed class SpecLoader
{
    /// <summary>Keys of other sections by name, for "'folds' belongs under 'evaluation'" hints.</summary>
    private static readonly Dictionary<string, string> SectionOfKey = BuildSectionIndex();

    /// <summary>Creates a loader that resolves <c>trainer:</c> names against <paramref name="registry"/>.</summary>
    public SpecLoader(ITrainerCatalog registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
    }

    /// <summary>The trainers this loader accepts.</summary>
    public ITrainerCatalog Registry { get; }

    /// <summary>
    /// Reads and validates the spec file at <paramref name="path"/>. Messages name the file as written in
    /// <paramref name="path"/>; relative <c>data.path</c> values resolve against the file's folder.
    /// </summary>
    /// <exception cref="SpecException">The file is missing, unreadable, not valid YAML, or not a valid pipeline.</exception>
    public PipelineSpec Load(string path)
    {
        var text = SpecLimits.ReadSpecText(path, "a pipeline YAML file");
        return Parse(text, Path.GetFullPath(path), path);
    }

    /// <summary>
    /// Validates spec text as if it were the file <paramref name="sourcePath"/> (which need not exist; its folder
    /// anchors relative data paths). <paramref name="displayPath"/> names the file in messages (default: sourcePath).
    /// </summary>
    /// <exception cref="SpecException">The text is not valid YAML or not a valid pipeline.</exception>
    public PipelineSpec Parse(string yaml, string sourcePath, string? displayPath = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var fullSource = Path.GetFullPath(sourcePath);
        var context = new SpecReadContext(displayPath ?? sourcePath);
        var root = YamlDocumentReader.Read(yaml, context.File);
        if (root is not YamlMappingNode)
        {
            throw SpecException.FromErrors(
                [new SpecError(context.At(root), "", $"expected a mapping with keys name, data and models, got {ScalarValue.Describe(root)}")]);
        }

        var spec = Bind(root, Path.GetDirectoryName(fullSource) ?? ".", context) with
        {
            SourcePath = fullSource,
            Locations = new Dictionary<string, SourceLocation>(context.Locations, StringComparer.Ordinal),
        };
        if (spec.Data.Task is { } task)
        {
            spec = TaskRules.Resolve(spec, task, Registry, context.Errors);
        }

        return context.Errors.Count == 0 ? spec : throw SpecException.FromErrors(context.Errors);
    }

    /// <summary>
    /// <paramref name="spec"/> resolved for the task the runner inferred from the label column (or the written one):
    /// the rules that depend on it checked, and a new spec returned with the task, <c>evaluation.stratify</c> and
    /// <c>evaluation.primary_metric</c> filled. Errors point at the keys' positions in the spec file.
    /// </summary>
    /// <exception cref="SpecException">A rule fails for this task, e.g. a trainer that does not support it.</exception>
    /// <exception cref="InvalidOperationException">The spec names a different task.</exception>
    public PipelineSpec Resolve(PipelineSpec spec, TaskKind task)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Data.Task is { } written && written != task)
        {
            throw new InvalidOperationException($"The spec's task is {written}; it cannot be resolved as {task}.");
        }

        var errors = new List<SpecError>();
        var resolved = TaskRules.Resolve(spec, task, Registry, errors);
        return errors.Count == 0 ? resolved : throw SpecException.FromErrors(errors);
    }

    private PipelineSpec Bind(YamlNode root, string baseDirectory, SpecReadContext context)
    {
        var rootKeys = SpecFormat.Root.Select(k => k.Name == "version" ? k with { Min = null, Max = null } : k).ToList();
        var top = MapReader.Read(root, "", context.Start, rootKeys, Wording, context);
        var version = top.Get<long>("version");
        if (version != SpecFormat.CurrentVersion && top.IsValid("version"))
        {
            context.Error(top.Written["version"], "version",
                $"unsupported format version {version}; this mlpipe reads version {SpecFormat.CurrentVersion}");
        }

        var data = DataSectionReader.Bind(top.Sections["data"], top.IsWritten("data"), baseDirectory, context);
        var tuning = TuningSectionReader.Bind(top.Sections["tuning"]);
        var evaluation = EvaluationSectionReader.Bind(top.Sections["evaluation"], top.Sections["data"], data, context);
        var preprocessing = top.Written.TryGetValue("preprocessing", out var steps)
            ? StepsReader.Read(steps, "preprocessing", context) ?? []
            : data.Kind == DataKind.Images ? [] : PreprocessingCatalog.CreateDefaultSteps();
        var modelList = top.Written.TryGetValue("models", out var models)
            ? ModelsReader.Read(models, "models", Registry, data.Task, context, tuning)
            : [];
        var spec = new PipelineSpec
        {
            Tuning = tuning,
            Version = SpecFormat.CurrentVersion,
            Name = top.GetOrNull<string>("name") ?? "",
            Data = data,
            Evaluation = evaluation,
            Preprocessing = preprocessing,
            Models = modelList,
            Report = ReportSectionReader.Bind(top.Sections["report"], modelList, context),
        };
        if (data.Kind == DataKind.Images)
        {
            ImageStepRules.Check(spec, context);
        }

        ImageStepRules.CheckImageTrainers(spec, Registry, context);
        return spec;
    }

    private static UnknownKeyWording Wording { get; } = new("unknown key", "expected one of",
        name => SectionOfKey.TryGetValue(name, out var section) ? section : null);

    private static Dictionary<string, string> BuildSectionIndex()
    {
        var places = new List<(string Key, string Section)>();
        places.AddRange(SpecFormat.Root.Select(k => (k.Name, "")));
        foreach (var section in new[] { SpecFormat.Data, SpecFormat.Evaluation, TuningFormat.Section, SpecFormat.Report })
        {
            places.AddRange(section.Children.Select(k => (k.Name, section.Name)));
        }

        places.AddRange(SpecFormat.Data.Children.Single(k => k.Name == "columns").Children.Select(k => (k.Name, "data.columns")));
        places.AddRange(SpecFormat.Image.Children.Select(k => (k.Name, "data.image")));
        return places.GroupBy(p => p.Key, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Section, StringComparer.Ordinal);
    }
}
