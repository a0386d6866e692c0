using MLPipelines.Results;

namespace MLPipelines.Spec.Experiments;

/// <summary>
/// The keys of an experiment file (<c>mlpipe experiment FILE</c>, format version 1): the same models and the same
/// evaluation applied to several datasets. Sections shared with pipeline files (<c>evaluation</c>,
/// <c>preprocessing</c>, <c>models</c>, a dataset's <c>data</c>) are read by the pipeline loader's own readers,
/// so they accept and reject exactly what a pipeline file does.
/// </summary>
public static class ExperimentFormat
{
    /// <summary>The only experiment format version.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Smallest number of datasets: the Friedman test ranks models over at least two.</summary>
    public const int MinDatasets = 2;

    /// <summary>The <c>evaluation:</c> section: as in pipelines, but every dataset is split the same way (no <c>test_set</c>).</summary>
    public static SpecKey Evaluation { get; } = SpecFormat.Evaluation with
    {
        Description = "How every dataset is split; every model sees the same splits of a dataset. As in pipelines, except test_set (experiments split each dataset).",
        Children =
        [
            .. SpecFormat.Evaluation.Children
                .Where(k => k.Name != "primary_metric")
                .Select(k => k.Name == "method"
                    ? k with { Allowed = ["kfold", "holdout"], Description = "kfold (cross-validation) or holdout (random splits)." }
                    : k),
        ],
    };

    /// <summary>The keys of one <c>datasets:</c> entry; exactly one of <c>spec</c> and <c>data</c>.</summary>
    public static IReadOnlyList<SpecKey> DatasetKeys { get; } =
    [
        new("name", SpecValueKind.String, null,
            "Dataset name: the matrix row and the run folder runs/NAME; default the pipeline's name (spec) or the data file's name (data).")
        {
            Pattern = SpecFormat.NamePattern,
            PatternHint = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
        },
        new("spec", SpecValueKind.String, null,
            "A pipeline file whose data section (and preprocessing, unless the experiment gives one) is used; its models, evaluation and report are ignored. Relative to the experiment file."),
        SpecFormat.Data with { Required = false, Description = "The data, written as in a pipeline file (paths relative to the experiment file)." },
    ];

    /// <summary>The experiment's <c>report:</c> section.</summary>
    public static SpecKey Report { get; } = new("report", SpecValueKind.Section, null, "What the experiment writes.")
    {
        Children =
        [
            new("formats", SpecValueKind.EnumList, new List<string> { "json", "markdown", "svg" },
                "json (experiment.json and each dataset's results.json, always written), markdown (experiment.md and each run's report.md), svg (cd.svg, the critical-difference diagram), html (experiment.html and report.html, when the HTML writer is installed).")
            {
                Allowed = ["json", "markdown", "svg", "html"],
            },
            new("baseline", SpecValueKind.String, null,
                "The model the v / * marks compare with on each dataset; default the boosted-tree model with the best average rank, else the best-ranked model.")
            {
                Nullable = true,
            },
            new("reference", SpecValueKind.String, null,
                "The model fixed at Elo 1000 and at normalized score 0 in the aggregate views (TabArena's Elo, normalized score, win rate); default the baseline.")
            {
                Nullable = true,
            },
            new("all_pairs", SpecValueKind.Bool, false, "Each dataset's run also tests every pair of models (Holm-adjusted), as report.all_pairs in a pipeline."),
            new("feature_importance", SpecValueKind.Bool, false, "Permutation feature importance in each dataset's run (off by default: experiments are about the comparison)."),
        ],
    };

    /// <summary>The top-level keys.</summary>
    public static IReadOnlyList<SpecKey> Root { get; } =
    [
        new("version", SpecValueKind.Int, (long)CurrentVersion, "Format version; only 1 exists.") { Min = 1, Max = 1 },
        new("name", SpecValueKind.String, null, "Experiment name: names the experiment folder and titles the report.")
        {
            Required = true,
            Pattern = SpecFormat.NamePattern,
            PatternHint = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
        },
        new("metric", SpecValueKind.Enum, null,
            "The metric of the matrix, the ranks and the tests, and every run's primary metric; default the tasks' default (accuracy for classification, rmse for regression; the datasets must agree).")
        {
            Nullable = true,
            Allowed = TaskMetrics.All,
        },
        Evaluation,
        Spec.TuningFormat.Section,
        new("preprocessing", SpecValueKind.Steps, null,
            "Steps for every model without its own list, on every dataset; default each dataset's own (its pipeline's list, or the default for its kind of data)."),
        new("models", SpecValueKind.Models, null, "The models run on every dataset (at least two: the matrix columns).") { Required = true },
        new("datasets", SpecValueKind.Datasets, null, $"The datasets (at least {MinDatasets}: the matrix rows), each a pipeline file (spec) or a data section (data).") { Required = true },
        Report,
    ];
}
