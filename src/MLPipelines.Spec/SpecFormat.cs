using MLPipelines.Results;

namespace MLPipelines.Spec;

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

    /// <summary>The data format name of tabular data in <see cref="SpecKey.DataFormats"/>.</summary>
    public const string Tabular = "tabular";

    /// <summary>Kinds of data keys apply to: tabular, then the image formats.</summary>
    public static IReadOnlyList<string> DataFormats { get; } = [Tabular, "idx", "folders", "csv_pixels"];

    private static readonly string[] ImageFormats = ["idx", "folders", "csv_pixels"];

    /// <summary>The keys of an IDX image set (<c>data.train</c> or <c>data.test</c> with <c>format: idx</c>).</summary>
    public static IReadOnlyList<SpecKey> ImageSetKeys { get; } =
    [
        new("images", SpecValueKind.String, null, "IDX images file (magic 00 00 08 03), raw or gzip.") { Required = true },
        new("labels", SpecValueKind.String, null, "IDX labels file (magic 00 00 08 01), raw or gzip.") { Required = true },
    ];

    /// <summary>The <c>data.image</c> section.</summary>
    public static SpecKey Image { get; } = new("image", SpecValueKind.Section, null,
        "Image size: for folders the size images are resized to; for csv_pixels the layout of the pixel columns (channel-planar [C, H, W]).")
    {
        DataFormats = ["folders", "csv_pixels"],
        Children =
        [
            new("width", SpecValueKind.Int, null,
                "Width in pixels; null = folders: the images' own width (all must share one size); csv_pixels: a square.")
            {
                Nullable = true,
                Min = 1,
                Max = 4096,
            },
            new("height", SpecValueKind.Int, null, "Height in pixels; null = automatic, as width.")
            {
                Nullable = true,
                Min = 1,
                Max = 4096,
            },
            new("channels", SpecValueKind.Int, null,
                "1 (grayscale) or 3 (RGB); null = folders: 1 when every image is gray, else 3; csv_pixels: 1.")
            {
                Nullable = true,
                Min = 1,
                Max = 3,
            },
            new("resize", SpecValueKind.Enum, "area",
                "How images of another size are resized: area (average of the covered source pixels; best for shrinking), bilinear, or none (another size is an error).")
            {
                Allowed = ["area", "bilinear", "none"],
                DataFormats = ["folders"],
            },
        ],
    };

    /// <summary>The <c>data:</c> section.</summary>
    public static SpecKey Data { get; } = new("data", SpecValueKind.Section, null, "The data to learn from: a table (default) or images.")
    {
        Required = true,
        Children =
        [
            new("kind", SpecValueKind.Enum, "tabular", "tabular (a CSV/TSV table) or images.")
            {
                Allowed = ["tabular", "images"],
            },
            new("format", SpecValueKind.Enum, null,
                "How the images are stored: idx (MNIST-style files), folders (one subfolder of image files per class) or csv_pixels (one pixel per column).")
            {
                Allowed = ImageFormats,
                DataFormats = ImageFormats,
                RequiredFor = ImageFormats,
            },
            new("path", SpecValueKind.String, null,
                "Tabular: the CSV or TSV file with a header row. Images (folders, csv_pixels): the class-per-folder root or pixel CSV, when the data is one set; else use train (and test). Relative paths are resolved against the folder of the YAML file.")
            {
                DataFormats = [Tabular, "folders", "csv_pixels"],
                RequiredFor = [Tabular],
            },
            new("train", SpecValueKind.ImageSet, null,
                "Images: the training set; idx: {images: FILE, labels: FILE}; folders: a class-per-folder root; csv_pixels: a CSV file. Required for idx; for the others give path or train.")
            {
                DataFormats = ImageFormats,
                RequiredFor = ["idx"],
            },
            new("test", SpecValueKind.ImageSet, null,
                "Images: a separate test set, written like train; models are trained on train and scored on it (evaluation.method test_set).")
            {
                DataFormats = ImageFormats,
            },
            new("label", SpecValueKind.String, null, "Name of the column to predict (tabular and csv_pixels).")
            {
                DataFormats = [Tabular, "csv_pixels"],
                RequiredFor = [Tabular, "csv_pixels"],
            },
            new("task", SpecValueKind.Enum, null,
                "binary, multiclass or regression; inferred from the label column when omitted (images: binary for two classes, else multiclass).")
            {
                Nullable = true,
                Allowed = ["binary", "multiclass", "regression"],
            },
            new("label_transform", SpecValueKind.Enum, "none",
                "log trains on ln(label) and maps predictions back with exp (labels must be > 0).")
            {
                Allowed = ["none", "log"],
                Tasks = [TaskKind.Regression],
                DataFormats = [Tabular],
            },
            new("positive_class", SpecValueKind.String, null,
                "Binary tasks: the label value scored as positive (probability, f1, auprc, ROC); default the true-like value of a yes/no, true/false, 1/0 pair, else the second value in sorted order.")
            {
                Nullable = true,
                Tasks = [TaskKind.Binary],
                DataFormats = [Tabular],
            },
            new("separator", SpecValueKind.String, "auto",
                "Field separator: auto (detected from the header line: comma, tab or semicolon), tab, or one character such as ';'.")
            {
                DataFormats = [Tabular, "csv_pixels"],
            },
            new("missing_values", SpecValueKind.StringList, new List<string> { "", "NA", "?" },
                "Field values read as missing (an empty field always is).")
            {
                DataFormats = [Tabular],
            },
            new("columns", SpecValueKind.Section, null, "Overrides of schema inference; a column may appear in one list only.")
            {
                DataFormats = [Tabular],
                Children =
                [
                    new("ignore", SpecValueKind.StringList, new List<string>(), "Columns left out (ids, leaks, free text); not the label."),
                    new("categorical", SpecValueKind.StringList, new List<string>(), "Columns read as categorical even if they look numeric."),
                    new("numeric", SpecValueKind.StringList, new List<string>(), "Columns read as numeric; a value that does not parse is a data error."),
                ],
            },
            new("classes", SpecValueKind.StringList, new List<string>(),
                "Names of classes 0, 1, 2, ... of IDX labels (e.g. T-shirt/top, Trouser, ...); [] = the label numbers.")
            {
                DataFormats = ["idx"],
            },
            Image,
            new("pixel_max", SpecValueKind.Float, 255.0,
                "Largest pixel value in the CSV (e.g. 16 for the UCI digits); pixels are divided by it to lie in [0, 1]. IDX and image files are divided by 255.")
            {
                Min = 0,
                MinExclusive = true,
                DataFormats = ["csv_pixels"],
            },
            new("skip_unreadable", SpecValueKind.Bool, false,
                "Leave out image files that cannot be read or decoded (counted in the results) instead of stopping with an error naming the file.")
            {
                DataFormats = ["folders"],
            },
        ],
    };

    /// <summary>The <c>evaluation:</c> section.</summary>
    public static SpecKey Evaluation { get; } = new("evaluation", SpecValueKind.Section, null,
        "How rows are split into training and test sets; every model sees the same splits.")
    {
        Children =
        [
            new("method", SpecValueKind.Enum, "kfold",
                "kfold (cross-validation), holdout (one random split), or test_set (train on data.train, score on data.test; images only). Default kfold, or test_set when data.test is given.")
            {
                Allowed = ["kfold", "holdout", "test_set"],
            },
            new("folds", SpecValueKind.Int, 5L, "k of k-fold. Only with method: kfold.")
            {
                Min = 2,
                Max = 100,
                OnlyWhenKey = "method",
                OnlyWhenValues = ["kfold"],
            },
            new("repeats", SpecValueKind.Int, 1L,
                "Repetitions, each with a fresh shuffle (repeated k-fold, or repeated random holdout splits). Only with method: kfold or holdout.")
            {
                Min = 1,
                Max = 100,
                OnlyWhenKey = "method",
                OnlyWhenValues = ["kfold", "holdout"],
            },
            new("stratify", SpecValueKind.Bool, null,
                "Keep class proportions equal across splits; default true for classification, false for regression (where true is an error). Only with method: kfold or holdout.")
            {
                Nullable = true,
                OnlyWhenKey = "method",
                OnlyWhenValues = ["kfold", "holdout"],
            },
            new("test_fraction", SpecValueKind.Float, 0.2, "Fraction of rows in the test split. Only with method: holdout.")
            {
                Min = 0,
                Max = 1,
                MinExclusive = true,
                MaxExclusive = true,
                OnlyWhenKey = "method",
                OnlyWhenValues = ["holdout"],
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
            new("formats", SpecValueKind.EnumList, new List<string> { "json", "markdown", "html" },
                "Report files: json (results.json), markdown (report.md), html (report.html).")
            {
                Allowed = ["json", "markdown", "html"],
            },
            new("baseline", SpecValueKind.String, null,
                "Name of the model the others are compared with (corrected resampled t-test on every metric); default the best boosted-tree model on the primary metric, else the best model.")
            {
                Nullable = true,
            },
            new("all_pairs", SpecValueKind.Bool, false,
                "Also test every pair of models, with Holm's correction per metric, instead of only each model against the baseline."),
            new("feature_importance", SpecValueKind.Bool, true,
                "Permutation feature importance of every model on each split's test rows (at most 2,000 rows and 2 shuffles per column and split; images: 7 x 7 blocks of pixels, 1,000 rows, 1 shuffle)."),
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
        new("tune", SpecValueKind.Tune, false,
            "true: also search this trainer's built-in space (see Search spaces) and report NAME:tuned and NAME:ensembled beside NAME (the defaults), all on the same outer splits. A mapping: space (the options to search instead of the built-in space) and any key of tuning, which it replaces for this model."),
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
        TuningFormat.Section,
        new("preprocessing", SpecValueKind.Steps, new List<string>(PreprocessingCatalog.DefaultKinds),
            "Steps applied before every model that gives no list of its own, each kind at most once, listed in the order impute, one_hot, normalize, pca; [] = none. Default: impute, one_hot for tabular data; none for images (which allow normalize and pca only)."),
        new("models", SpecValueKind.Models, null, "The models to compare, at least one.") { Required = true },
        Report,
    ];
}
