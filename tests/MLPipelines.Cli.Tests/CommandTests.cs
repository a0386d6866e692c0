using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLPipelines.Cli.Tests;

public sealed class CommandTests
{
    [Fact]
    public void Validate_GoodSpec_PrintsOneOkLineAndExitsZero()
    {
        var (code, output) = CliRunner.Run("validate", TestFiles.Pipeline("letter.yaml"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith("OK ", output, StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public void Validate_MisspeltKeyAndWrongType_ReportFileLineColumnAndExitTwo()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("  folds: 3", "  fold: 3\n  repeats: many", StringComparison.Ordinal));

        var (code, output) = CliRunner.Run("validate", spec);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{spec}:6:3: evaluation.fold: unknown key; did you mean 'folds'?", output, StringComparison.Ordinal);
        Assert.Contains($"{spec}:7:12: evaluation.repeats:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingLabelColumn_PointsAtDataLabel()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("label: target", "label: species", StringComparison.Ordinal));

        var (code, output) = CliRunner.Run("validate", spec);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{spec}:4:10: data.label: column 'species' is not in the header", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingDataFile_PointsAtDataPath()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        File.Delete(Path.Combine(folder, "iris.csv"));

        var (code, output) = CliRunner.Run("validate", spec);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{spec}:3:9: data.path:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ThenPredict_WritesTheRunFolderAndPredictsLikePlainMlNet()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        var output = Path.Combine(folder, "out");

        var (code, text) = CliRunner.Run("run", spec, "--out", output, "--seed", "3");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("gbdt", text, StringComparison.Ordinal);
        Assert.Contains("Run folder:", text, StringComparison.Ordinal);
        foreach (var file in new[] { "spec.yaml", "resolved.yaml", "results.json", "report.md", "environment.json", "models/gbdt.zip", "models/linear.zip", "predictions/gbdt.csv" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), file);
        }

        Assert.Contains("seed: 3", File.ReadAllText(Path.Combine(output, "resolved.yaml")), StringComparison.Ordinal);
        var predictions = Path.Combine(folder, "pred.csv");
        var (predictCode, _) = CliRunner.Run("predict", "--model", Path.Combine(output, "models", "gbdt.zip"), "--input", TestFiles.Dataset("iris.csv"), "--output", predictions);
        Assert.Equal(ExitCodes.Ok, predictCode);
        var ml = new MLContext();
        var model = ml.Model.LoadWithDataLoader(Path.Combine(output, "models", "gbdt.zip"), out var loader);
        var expected = model.Transform(loader.Load(TestFiles.Dataset("iris.csv"))).GetColumn<ReadOnlyMemory<char>>("Prediction").Select(p => p.ToString());
        Assert.Equal(expected, File.ReadAllLines(predictions).Skip(1).Select(l => l.Split(',')[1]));
    }

    [Fact]
    public void Run_ExistingNonEmptyOut_ExitsTwoWithoutStackTrace()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        var output = Path.Combine(folder, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "x"), "");

        var (code, text) = CliRunner.Run("run", spec, "--out", output, "--quiet");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("already exists", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadCsvRow_ReportsRowAndColumnAndExitsTwo()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        var csv = File.ReadAllLines(Path.Combine(folder, "iris.csv")).ToList();
        csv[10] = "5.1,3.5,1.4,oops,setosa";
        File.WriteAllLines(Path.Combine(folder, "iris.csv"), csv);
        File.WriteAllText(spec, File.ReadAllText(spec).Replace("  label: target", "  label: target\n  columns: {numeric: [petal width (cm)]}", StringComparison.Ordinal));

        var (code, text) = CliRunner.Run("run", spec, "--out", Path.Combine(folder, "out"), "--quiet");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("iris.csv:11: row 10, column 'petal width (cm)': 'oops' is not a number", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    [Fact]
    public void Run_Cancelled_ExitsWith130AndLeavesNoCompleteFolder()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var writer = new StringWriter();
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(writer) });

        var code = CliApp.Run(["run", spec, "--out", Path.Combine(folder, "out"), "--quiet"], console, cancellation: cancel.Token);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.False(File.Exists(Path.Combine(folder, "out", "results.json")));
    }

    [Fact]
    public void Init_PrintsAStarterSpecThatValidates()
    {
        var folder = TestFiles.NewFolder();
        File.Copy(TestFiles.Dataset("penguins.csv"), Path.Combine(folder, "penguins.csv"));
        var specPath = Path.Combine(folder, "penguins.yaml");

        var (code, text) = CliRunner.Run("init", Path.Combine(folder, "penguins.csv"), "--label", "species", "--output", specPath);
        var (validateCode, validateText) = CliRunner.Run("validate", specPath);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Wrote", text, StringComparison.Ordinal);
        var yaml = File.ReadAllText(specPath);
        Assert.Contains("path: penguins.csv", yaml, StringComparison.Ordinal);
        Assert.Contains("task: multiclass", yaml, StringComparison.Ordinal);
        Assert.Contains("inferred: [island, sex]", yaml, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, validateCode);
        Assert.StartsWith("OK", validateText, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_UnknownLabel_SuggestsTheClosestColumn()
    {
        var (code, text) = CliRunner.Run("init", TestFiles.Dataset("penguins.csv"), "--label", "specie");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("did you mean 'species'?", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_ShowsKindsMissingAndLabel()
    {
        var (code, text) = CliRunner.Run("describe", TestFiles.Dataset("penguins.csv"), "--label", "species");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("344 rows, 7 columns", text, StringComparison.Ordinal);
        Assert.Contains("categorical", text, StringComparison.Ordinal);
        Assert.Contains("bill_length_mm", text, StringComparison.Ordinal);
        Assert.Contains("2 (0.6%)", text, StringComparison.Ordinal);
        Assert.Contains("label species: multiclass", text, StringComparison.Ordinal);
        Assert.Contains("Adelie: 152", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_MissingModelFile_ExitsTwo()
    {
        var (code, text) = CliRunner.Run("predict", "--model", "/nonexistent/m.zip", "--input", TestFiles.Dataset("iris.csv"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("model file not found", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownVerbOrOption_ExitsTwo()
    {
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("frobnicate").ExitCode);
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("validate", "x.yaml", "--bogus").ExitCode);
    }

    [Fact]
    public void Schema_PrintsJsonSchema()
    {
        var (code, text) = CliRunner.Run("schema");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\"$schema\"", text, StringComparison.Ordinal);
        Assert.Contains("lightgbm", text, StringComparison.Ordinal);
    }
}
