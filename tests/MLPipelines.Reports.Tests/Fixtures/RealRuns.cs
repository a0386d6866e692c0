using System.Globalization;
using System.Text;
using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Reports.Html;
using MLPipelines.Reports.Markdown;
using MLPipelines.Spec;
using MLPipelines.Trainers.Mlp.Plugin;

namespace MLPipelines.Reports.Tests.Fixtures;

/// <summary>
/// Real runs made once per test session with the real runner, trainers and report writers, on small data with
/// tiny settings (a few seconds in all): binary (breast cancer), multiclass (iris), iris with a small MLP,
/// regression (a seeded synthetic file), and a binary file whose folder, column names and class labels are hostile markup.
/// </summary>
internal static class RealRuns
{
    /// <summary>The text the hostile run puts in a column name and a class label.</summary>
    public const string Script = "<script>alert(1)</script>";

    /// <summary>A class label with both quote kinds and an ampersand.</summary>
    public const string Quotes = "O'Brien & \"Co\"";

    private static readonly Lazy<RunOutcome> BinaryRun = new(() => Run("binary", RepoPaths.Dataset("breast_cancer.csv"), "target", 3, 1));
    private static readonly Lazy<RunOutcome> MulticlassRun = new(() => Run("multiclass", RepoPaths.Dataset("iris.csv"), "target", 3, 1, "sdca"));
    private static readonly Lazy<RunOutcome> RegressionRun = new(() => Run("regression", WriteRegressionData(), "y", 3, 1, "sdca"));
    private static readonly Lazy<RunOutcome> NeuralRun = new(() => Run("neural", RepoPaths.Dataset("iris.csv"), "target", 3, 1,
        extraModel: "- {name: mlp, trainer: mlp, options: {hidden_layers: [16], epochs: 6, batch_size: 32, seed: 3}}"));
    private static readonly Lazy<RunOutcome> TunedRun = new(() => Run("tuned", RepoPaths.Dataset("breast_cancer.csv"), "target", 3, 1,
        extraModel: "- {name: mlp, trainer: mlp, options: {hidden_layers: [16], epochs: 6, batch_size: 32}, tune: {space: {learning_rate: {log_uniform: [0.001, 0.01]}}, budget: {trials: 3}}}",
        tuning: "tuning: {budget: {trials: 5}, inner: {method: kfold, folds: 3}, ensemble: {size: 5}}",
        lightgbmTune: ", tune: {space: {learning_rate: {log_uniform: [0.03, 0.3]}, num_leaves: {int_log_uniform: [4, 31]}}}",
        linearTune: ", tune: true"));
    // selection: best: the noise run shows the optimism of picking the best inner score (one_se mostly keeps the defaults).
    private static readonly Lazy<RunOutcome> NoiseRun = new(() => Run("noise", WriteNoiseData(), "y", 3, 1, primaryMetric: "auc",
        tuning: "tuning: {budget: {trials: 20}, inner: {method: kfold, folds: 3}, ensemble: {size: 10}, selection: best}",
        lightgbmTune: ", tune: {space: {learning_rate: {log_uniform: [0.02, 0.3]}, num_leaves: {int_log_uniform: [2, 64]}, min_data_in_leaf: {int_log_uniform: [2, 20]}}}"));
    private static readonly Lazy<RunOutcome> HostileRun = new(() => Run("hostile", WriteHostileData(), "label " + Script, 3, 1));

    public static RunOutcome Binary => BinaryRun.Value;

    public static RunOutcome Multiclass => MulticlassRun.Value;

    public static RunOutcome Regression => RegressionRun.Value;

    public static RunOutcome Hostile => HostileRun.Value;

    /// <summary>Pure noise (random features, random labels, 600 rows) with a tuned LightGBM, ranked by AUC (0.5 = chance whatever the class balance).</summary>
    public static RunOutcome Noise => NoiseRun.Value;

    /// <summary>Breast cancer with tuned LightGBM (own space), tuned L-BFGS (built-in space) and a tuned small MLP: three rows each.</summary>
    public static RunOutcome Tuned => TunedRun.Value;

    /// <summary>Iris with a small MLP next to LightGBM and the linear baseline: per-split learning curves in results.json.</summary>
    public static RunOutcome Neural => NeuralRun.Value;

    /// <summary>The report.html the runner wrote for a run.</summary>
    public static string Html(RunOutcome run) => File.ReadAllText(Path.Combine(run.Directory, HtmlReportWriter.FileName));

    public static string Markdown(RunOutcome run) => File.ReadAllText(Path.Combine(run.Directory, MarkdownReportWriter.FileName));

    private static RunOutcome Run(
        string name, string dataPath, string label, int folds, int repeats, string linear = "lbfgs", string extraModel = "", string tuning = "", string lightgbmTune = "", string linearTune = "", string primaryMetric = "null")
    {
        var folder = RepoPaths.NewTempFolder();
        var yaml = $$"""
            name: {{name}}
            data:
              path: '{{dataPath.Replace("'", "''", StringComparison.Ordinal)}}'
              label: '{{label.Replace("'", "''", StringComparison.Ordinal)}}'
            evaluation: {method: kfold, folds: {{folds}}, repeats: {{repeats}}, seed: 7, primary_metric: {{primaryMetric}}}
            {{tuning}}
            models:
              - {name: lightgbm, trainer: lightgbm, options: {iterations: 20}{{lightgbmTune}} }
              - {name: linear, trainer: {{linear}}{{linearTune}} }
              {{extraModel}}
            report: {formats: [json, markdown, html]}
            """;
        var specPath = Path.Combine(folder, "spec.yaml");
        File.WriteAllText(specPath, yaml);
        var registry = BuiltinTrainers.CreateRegistry().Register(new MlpTrainerPlugin());
        var spec = new SpecLoader(registry).Load(specPath);
        var options = new RunOptions
        {
            OutputDirectory = Path.Combine(folder, "run"),
            ReportWriters = [new MarkdownReportWriter(), new HtmlReportWriter()],
        };
        return new PipelineRunner(registry).Run(spec, options);
    }

    /// <summary>y = 3·x1 − 2·x2 + a category effect + noise, 240 rows, seeded.</summary>
    /// <summary>Eight uniform random features and a random yes/no label, 600 rows, seeded: no signal at all.</summary>
    private static string WriteNoiseData()
    {
        var random = new Random(5);
        var csv = new StringBuilder("x1,x2,x3,x4,x5,x6,x7,x8,y\n");
        for (var i = 0; i < 600; i++)
        {
            csv.AppendJoin(',', Enumerable.Range(0, 8).Select(_ => random.NextDouble().ToString("F4", CultureInfo.InvariantCulture)));
            csv.Append(random.Next(2) == 0 ? ",no\n" : ",yes\n");
        }

        var path = Path.Combine(RepoPaths.NewTempFolder(), "noise.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static string WriteRegressionData()
    {
        var random = new Random(11);
        var csv = new StringBuilder("x1,x2,group,y\n");
        string[] groups = ["a", "b", "c"];
        for (var i = 0; i < 240; i++)
        {
            double x1 = random.NextDouble() * 10, x2 = random.NextDouble() * 5;
            var g = i % 3;
            var y = (3 * x1) - (2 * x2) + (g * 4) + (random.NextDouble() - 0.5);
            csv.Append(CultureInfo.InvariantCulture, $"{x1:F3},{x2:F3},{groups[g]},{y:F3}\n");
        }

        var path = Path.Combine(RepoPaths.NewTempFolder(), "regression.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>
    /// A binary file in a folder named with markup, whose feature columns are named <see cref="Script"/> and
    /// <c>a"b'c &amp; &lt;d&gt;</c>, with a categorical column holding markup values, and classes <see cref="Script"/>
    /// and <see cref="Quotes"/>.
    /// </summary>
    private static string WriteHostileData()
    {
        var random = new Random(5);
        var csv = new StringBuilder();
        csv.Append(Csv(Script)).Append(',').Append(Csv("a\"b'c & <d>")).Append(',').Append(Csv("<img src=x onerror=alert(2)>")).Append(',').Append(Csv("label " + Script)).Append('\n');
        for (var i = 0; i < 150; i++)
        {
            var positive = i % 2 == 0;
            var x1 = (positive ? 1.0 : -1.0) + (random.NextDouble() * 2.5);
            var x2 = random.NextDouble();
            var category = i % 3 == 0 ? "<b>bold</b>" : "plain";
            csv.Append(CultureInfo.InvariantCulture, $"{x1:F3},{x2:F3},{Csv(category)},{Csv(positive ? Script : Quotes)}\n");
        }

        var folder = Path.Combine(RepoPaths.NewTempFolder(), "<em>data & \"quotes\" 'x'");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "hostile.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
