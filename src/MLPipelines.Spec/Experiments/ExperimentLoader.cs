using MLPipelines.Spec.Declarations;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec.Experiments;

/// <summary>
/// Loads an experiment file (YAML, <see cref="ExperimentFormat"/>) strictly, before any data is read: unknown
/// keys, wrong types, bad values, unknown trainers and options, missing files, fewer than two models or datasets,
/// duplicate dataset names, a baseline that is not a model, a dataset with its own test set. Shared sections are
/// read by the pipeline loader's readers, and every problem is reported together as
/// <c>file:line:col: key.path: message</c> (<see cref="SpecException"/>); problems inside a <c>spec:</c> pipeline
/// file are reported at their place in that file.
/// </summary>
public sealed class ExperimentLoader(ITrainerCatalog registry)
{
    private static readonly IReadOnlyList<string> RunFormats = ["json", "markdown", "html"];

    /// <summary>Reads and validates the experiment file at <paramref name="path"/>.</summary>
    /// <exception cref="SpecException">The file is missing, unreadable, not YAML, or not a valid experiment.</exception>
    public ExperimentSpec Load(string path)
    {
        var text = SpecLimits.ReadSpecText(path, "an experiment YAML file");
        return Parse(text, Path.GetFullPath(path), path);
    }

    /// <summary>
    /// True when <paramref name="path"/> holds a YAML mapping with a top-level <c>datasets</c> key (an experiment
    /// rather than a pipeline); false for anything else, including unreadable or invalid YAML (the pipeline loader
    /// then reports the problem).
    /// </summary>
    public static bool IsExperimentFile(string path)
    {
        try
        {
            var root = YamlDocumentReader.Read(SpecLimits.ReadSpecText(path, "a YAML file"), path);
            return root is YamlMappingNode mapping && mapping.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "datasets");
        }
        catch (SpecException)
        {
            return false;
        }
    }

    /// <summary>Validates experiment text as if it were the file <paramref name="sourcePath"/> (its folder anchors relative paths).</summary>
    /// <exception cref="SpecException">Not valid YAML or not a valid experiment.</exception>
    public ExperimentSpec Parse(string yaml, string sourcePath, string? displayPath = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var fullSource = Path.GetFullPath(sourcePath);
        var baseDirectory = Path.GetDirectoryName(fullSource) ?? ".";
        var context = new SpecReadContext(displayPath ?? sourcePath);
        var root = YamlDocumentReader.Read(yaml, context.File, "experiment; expected keys name, models and datasets");
        if (root is not YamlMappingNode)
        {
            throw SpecException.FromErrors(
                [new SpecError(context.At(root), "", $"expected a mapping with keys name, models and datasets, got {ScalarValue.Describe(root)}")]);
        }

        var top = MapReader.Read(root, "", context.Start, ExperimentFormat.Root, Wording, context);
        if (top.Get<long>("version") != ExperimentFormat.CurrentVersion && top.IsValid("version") && top.IsWritten("version"))
        {
            context.Error(top.Written["version"], "version", $"unsupported experiment version {top.Get<long>("version")}; this mlpipe reads version {ExperimentFormat.CurrentVersion}");
        }

        // The metric is the experiment's top-level `metric`, so the pipeline reader finds no primary_metric here.
        top.Sections["evaluation"].Values["primary_metric"] = null;
        var evaluation = EvaluationSectionReader.Bind(top.Sections["evaluation"], new KeyedValues("data", context.Start), new DataSpec(), context);
        var preprocessing = top.Written.TryGetValue("preprocessing", out var stepsNode) ? StepsReader.Read(stepsNode, "preprocessing", context) : null;
        var tuning = TuningSectionReader.Bind(top.Sections["tuning"]);
        var models = top.Written.TryGetValue("models", out var modelsNode) ? ModelsReader.Read(modelsNode, "models", registry, null, context, tuning) : [];
        if (models.Count == 1)
        {
            context.Error(context.LocationOf("models"), "models", "an experiment compares at least two models; add another (e.g. a linear baseline)");
        }

        var report = top.Sections["report"];
        var baseline = report.GetOrNull<string>("baseline");
        var names = ReportSectionReader.RowNames(models);
        if (baseline is not null && report.IsValid("baseline") && names.Count > 0 && !names.Contains(baseline))
        {
            context.Error(context.LocationOf(report.PathOf("baseline")), report.PathOf("baseline"),
                $"no model is named '{baseline}'{NameSuggester.DidYouMean(baseline, names)} (models: {string.Join(", ", names)})");
        }

        var reference = report.GetOrNull<string>("reference");
        if (reference is not null && report.IsValid("reference") && names.Count > 0 && !names.Contains(reference))
        {
            context.Error(context.LocationOf(report.PathOf("reference")), report.PathOf("reference"),
                $"no model is named '{reference}'{NameSuggester.DidYouMean(reference, names)} (models: {string.Join(", ", names)})");
        }

        var formats = report.Get<List<string>>("formats");
        var datasets = top.Written.TryGetValue("datasets", out var datasetsNode) ? ReadDatasets(datasetsNode, baseDirectory, context) : [];
        var metric = top.GetOrNull<string>("metric");
        var specs = new List<ExperimentDatasetSpec>();
        for (var i = 0; i < datasets.Count; i++)
        {
            var dataset = datasets[i];
            var pipeline = new PipelineSpec
            {
                Name = dataset.Name,
                Data = dataset.Data,
                Evaluation = Copy(evaluation, metric),
                Preprocessing = Copy(preprocessing ?? dataset.Preprocessing
                    ?? (dataset.Data.Kind == DataKind.Images ? [] : PreprocessingCatalog.CreateDefaultSteps())),
                Tuning = tuning,
                Models = [.. models.Select(Copy)],
                Report = new ReportSpec
                {
                    Formats = [.. formats.Where(RunFormats.Contains)],
                    Baseline = baseline,
                    AllPairs = report.Get<bool>("all_pairs"),
                    FeatureImportance = report.Get<bool>("feature_importance"),
                },
            };
            var locations = CopyLocations(context.Locations, i, preprocessing is not null);
            foreach (var (key, location) in dataset.Locations.Where(kv => preprocessing is null || !Starts(kv.Key, "preprocessing")))
            {
                locations[key] = location;
            }

            pipeline = pipeline with { Locations = locations };

            if (pipeline.Data.Kind == DataKind.Images && preprocessing is not null)
            {
                ImageStepRules.Check(pipeline, context);
            }

            if (pipeline.Data.Task is { } task)
            {
                pipeline = TaskRules.Resolve(pipeline, task, registry, context.Errors);
            }

            specs.Add(new ExperimentDatasetSpec(dataset.Name, pipeline));
        }

        if (context.Errors.Count > 0)
        {
            throw SpecException.FromErrors(context.Errors.Distinct());
        }

        return new ExperimentSpec
        {
            Name = top.GetOrNull<string>("name") ?? "",
            SourcePath = fullSource,
            Metric = metric,
            Baseline = baseline,
            Reference = reference,
            Formats = formats,
            Models = names,
            Datasets = specs,
        };
    }

    private List<ExperimentDatasetEntry> ReadDatasets(YamlNode node, string baseDirectory, SpecReadContext context)
    {
        var result = new List<ExperimentDatasetEntry>();
        if (node is not YamlSequenceNode sequence)
        {
            context.Error(node, "datasets", $"expected a list of datasets, e.g. '- {{spec: ../iris.yaml}}', got {ScalarValue.Describe(node)}");
            return result;
        }

        if (sequence.Children.Count < ExperimentFormat.MinDatasets)
        {
            context.Error(node, "datasets",
                $"an experiment needs at least {ExperimentFormat.MinDatasets} datasets to rank models over (the Friedman test), got {sequence.Children.Count}");
        }

        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var path = SpecReadContext.Item("datasets", i);
            context.Remember(path, item);
            var entry = ExperimentDatasetReader.Read(item, path, baseDirectory, registry, context);
            if (entry is null)
            {
                continue;
            }

            if (!firstByName.TryAdd(entry.Name, i))
            {
                context.Error(context.LocationOf(SpecReadContext.Child(path, "name")), SpecReadContext.Child(path, "name"),
                    $"duplicate dataset name '{entry.Name}' (also datasets[{firstByName[entry.Name]}]); give each dataset a distinct name");
                continue;
            }

            result.Add(entry);
        }

        return result;
    }

    /// <summary>Experiment key positions as the dataset's pipeline keys: its own <c>datasets[i].data.*</c> as <c>data.*</c>, <c>metric</c> as <c>evaluation.primary_metric</c>.</summary>
    private static Dictionary<string, SourceLocation> CopyLocations(IReadOnlyDictionary<string, SourceLocation> locations, int index, bool sharedPreprocessing)
    {
        var copied = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var own = SpecReadContext.Child(SpecReadContext.Item("datasets", index), "data");
        foreach (var (key, location) in locations)
        {
            if (key == own || key.StartsWith(own + ".", StringComparison.Ordinal) || key.StartsWith(own + "[", StringComparison.Ordinal))
            {
                copied["data" + key[own.Length..]] = location;
            }
            else if (key == "metric")
            {
                copied["evaluation.primary_metric"] = location;
            }
            else if (Starts(key, "evaluation") || Starts(key, "models") || Starts(key, "report") || (sharedPreprocessing && Starts(key, "preprocessing")))
            {
                copied[key] = location;
            }
        }

        return copied;
    }

    private static bool Starts(string key, string section) =>
        key == section || key.StartsWith(section + ".", StringComparison.Ordinal) || key.StartsWith(section + "[", StringComparison.Ordinal);

    private static EvaluationSpec Copy(EvaluationSpec evaluation, string? metric) => new()
    {
        Method = evaluation.Method,
        Folds = evaluation.Folds,
        Repeats = evaluation.Repeats,
        Stratify = evaluation.Stratify,
        TestFraction = evaluation.TestFraction,
        Seed = evaluation.Seed,
        PrimaryMetric = metric,
    };

    private static ModelSpec Copy(ModelSpec model) => new()
    {
        Name = model.Name,
        Trainer = model.Trainer,
        Preprocessing = model.Preprocessing is { } steps ? Copy(steps) : null,
        Options = new Dictionary<string, object?>(model.Options, StringComparer.Ordinal),
        Tune = model.Tune,
    };

    private static List<PreprocessingStepSpec> Copy(IReadOnlyList<PreprocessingStepSpec> steps) =>
        [.. steps.Select(s => new PreprocessingStepSpec { Kind = s.Kind, Options = new Dictionary<string, object?>(s.Options, StringComparer.Ordinal) })];

    private static UnknownKeyWording Wording { get; } = new("unknown key", "expected one of", name => name switch
    {
        "data" => "datasets[]",
        "baseline" or "reference" or "formats" or "all_pairs" or "feature_importance" => "report",
        _ when SpecFormat.Evaluation.Children.Any(k => k.Name == name && k.Name != "primary_metric") => "evaluation",
        _ => null,
    });
}
