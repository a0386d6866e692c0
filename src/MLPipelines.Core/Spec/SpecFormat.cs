namespace MLPipelines.Core.Spec;

/// <summary>
/// The keys of the pipeline format (version 1) outside trainer and step options: the single description that the
/// loader validates against and the JSON Schema and Markdown reference are generated from.
/// </summary>
public static class SpecFormat
{
    /// <summary>The only format version this build reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Names that become file or folder names (run name, model names).</summary>
    public const string NamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    private const string NameHint = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    /// <summary>The <c>data:</c> section.</summary>
    public static SpecKey Data { get; } = new("data", SpecValueKind.Section, null, "The table to learn from.")
    {
        Required = true,
        Children =
        [
            new("path", SpecValueKind.String, null,
                "CSV or TSV file with a header row; relative paths are resolved against the folder of the YAML file.")
            {
                Required = true,
            },
            new("label", SpecValueKind.String, null, "Name of the column to predict.") { Required = true },
            new("task", SpecValueKind.Enum, null,
                "binary, multiclass or regression; inferred from the label column when omitted.")
            {
                Nullable = true,
                Allowed = ["binary", "multiclass", "regression"],
            },
            new("label_transform", SpecValueKind.Enum, "none",
                "log trains on ln(label) and maps predictions back with exp (labels must be > 0).")
            {
                Allowed = ["none", "log"],
                Tasks = [TaskKind.Regression],
            },
            new("separator", SpecValueKind.String, "auto",
                "Field separator: auto (detected from the header line: comma, tab or semicolon), tab, or one character such as ';'."),
            new("missing_values", SpecValueKind.StringList, new List<string> { "", "NA", "?" },
                "Field values read as missing (an empty field always is)."),
            new("columns", SpecValueKind.Section, null, "Overrides of schema inference; a column may appear in one list only.")
            {
                Children =
                [
                    new("ignore", SpecValueKind.StringList, new List<string>(), "Columns left out (ids, leaks, free text); not the label."),
                    new("categorical", SpecValueKind.StringList, new List<string>(), "Columns read as categorical even if they look numeric."),
                    new("numeric", SpecValueKind.StringList, new List<string>(), "Columns read as numeric; a value that does not parse is a data error."),
                ],
            },
        ],
    };

    /// <summary>The <c>evaluation:</c> section.</summary>
    public static SpecKey Evaluation { get; } = new("evaluation", SpecValueKind.Section, null,
        "How rows are split into training and test sets; every model sees the same splits.")
    {
        Children =
        [
            new("method", SpecValueKind.Enum, "kfold", "kfold (cross-validation) or holdout (one random split).")
            {
                Allowed = ["kfold", "holdout"],
            },
            new("folds", SpecValueKind.Int, 5L, "k of k-fold. Only with method: kfold.")
            {
                Min = 2,
                Max = 100,
                OnlyWhenKey = "method",
                OnlyWhenValue = "kfold",
            },
            new("repeats", SpecValueKind.Int, 1L,
                "Repetitions, each with a fresh shuffle (repeated k-fold, or repeated random holdout splits).")
            {
                Min = 1,
                Max = 100,
            },
            new("stratify", SpecValueKind.Bool, null,
                "Keep class proportions equal across splits; default true for classification, false for regression (where true is an error).")
            {
                Nullable = true,
            },
            new("test_fraction", SpecValueKind.Float, 0.2, "Fraction of rows in the test split. Only with method: holdout.")
            {
                Min = 0,
                Max = 1,
                MinExclusive = true,
                MaxExclusive = true,
                OnlyWhenKey = "method",
                OnlyWhenValue = "holdout",
            },
            new("seed", SpecValueKind.Int, 42L, "Seed for splits and trainers; mlpipe run --seed N overrides it.")
            {
                Min = 0,
                Max = int.MaxValue,
            },
            new("primary_metric", SpecValueKind.Enum, null,
                "Metric that ranks models; must be one of the task's metrics (binary: auc, accuracy, f1, log_loss, auprc; multiclass: accuracy, macro_accuracy, log_loss; regression: rmse, mae, r2). Default accuracy for classification, rmse for regression.")
            {
                Nullable = true,
                Allowed = TaskMetrics.All,
            },
        ],
    };

    /// <summary>The <c>report:</c> section.</summary>
    public static SpecKey Report { get; } = new("report", SpecValueKind.Section, null, "What the run writes besides models and predictions.")
    {
        Children =
        [
            new("formats", SpecValueKind.EnumList, new List<string> { "json", "markdown" },
                "Report files: json (results.json), markdown (report.md), html (report.html).")
            {
                Allowed = ["json", "markdown", "html"],
            },
            new("baseline", SpecValueKind.String, null,
                "Name of the model the others are compared with; default the best boosted-tree model.")
            {
                Nullable = true,
            },
        ],
    };

    /// <summary>The keys of one entry of <c>models:</c> (an entry may also be a bare trainer name).</summary>
    public static IReadOnlyList<SpecKey> ModelKeys { get; } =
    [
        new("name", SpecValueKind.String, null, "Unique name of the model in this run (file names, reports); default the trainer name.")
        {
            Pattern = NamePattern,
            PatternHint = NameHint,
        },
        new("trainer", SpecValueKind.String, null, "Registered trainer, e.g. lightgbm.") { Required = true },
        new("preprocessing", SpecValueKind.Steps, null, "This model's own preprocessing, replacing the pipeline's list; [] = none."),
        new("options", SpecValueKind.Section, null, "Trainer options; every option left out takes its documented default."),
    ];

    /// <summary>The top-level keys.</summary>
    public static IReadOnlyList<SpecKey> Root { get; } =
    [
        new("version", SpecValueKind.Int, (long)CurrentVersion, "Format version; only 1 exists.") { Min = 1, Max = 1 },
        new("name", SpecValueKind.String, null, "Run name: names the run folder and titles the report.")
        {
            Required = true,
            Pattern = NamePattern,
            PatternHint = NameHint,
        },
        Data,
        Evaluation,
        new("preprocessing", SpecValueKind.Steps, new List<string>(PreprocessingCatalog.DefaultKinds),
            "Steps applied before every model that gives no list of its own, each kind at most once, listed in the order impute, one_hot, normalize, pca; [] = none. Default: impute, one_hot."),
        new("models", SpecValueKind.Models, null, "The models to compare, at least one.") { Required = true },
        Report,
    ];
}
