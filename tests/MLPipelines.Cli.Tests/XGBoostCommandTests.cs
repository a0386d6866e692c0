using System.Diagnostics;
using System.Globalization;
using MLPipelines.XGBoost;
using MLPipelines.XGBoost.Native;

namespace MLPipelines.Cli.Tests;

/// <summary>
/// <c>trainer: xgboost</c> through the CLI: a run and <c>mlpipe predict</c> with its saved model reproduce XGBoost's
/// own predictions of the booster inside the zip; without the library the spec is rejected up front (exit 2, the
/// install hint, file:line:col) while specs without xgboost keep working.
/// </summary>
public sealed class XGBoostCommandTests
{
    private const string Models = "  - {name: xgb, trainer: xgboost, options: {n_estimators: 15, nthread: 1}}\n";

    [Fact]
    public void Run_ThenPredict_GivesXGBoostsOwnPredictionsOfTheSavedBooster()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder, Models);
        var output = Path.Combine(folder, "out");
        var predictions = Path.Combine(folder, "pred.csv");

        var (code, text) = CliRunner.Run("run", spec, "--out", output, "--quiet");
        var (predictCode, _) = CliRunner.Run("predict", "--model", Path.Combine(output, "models", "xgb.zip"), "--input", TestFiles.Dataset("iris.csv"), "--output", predictions);

        Assert.True(code == ExitCodes.Ok, text);
        Assert.Equal(ExitCodes.Ok, predictCode);
        var lines = File.ReadAllLines(predictions);
        var header = lines[0].Split(',');
        var columns = Enumerable.Range(0, header.Length).Where(i => header[i].StartsWith("probability_", StringComparison.Ordinal)).ToArray();
        var ours = lines.Skip(1).Select(l => l.Split(',')).Select(c => columns.Select(i => float.Parse(c[i], CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var theirs = XGBoostOwnProbabilities(Path.Combine(output, "models", "xgb.zip"), out var classes);
        Assert.Equal(3, classes);
        Assert.Equal(theirs.Length, ours.Length);
        var worst = ours.Zip(theirs, (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max();
        Assert.True(worst <= 1e-6, $"largest probability difference {worst:G3}");
    }

    [Fact]
    public void Validate_WithoutTheLibrary_ExitsTwoWithTheInstallHint()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder, Models);
        var withoutXGBoost = TestFiles.IrisSpec(TestFiles.NewFolder());

        var (code, output) = RunWithoutLibrary("validate", spec);
        var (otherCode, otherOutput) = RunWithoutLibrary("validate", withoutXGBoost);

        Assert.True(code == ExitCodes.BadInput, output);
        Assert.Contains($"{spec}:9:26: models[0].trainer: trainer 'xgboost' cannot run here: XGBoost's native library was not found", output, StringComparison.Ordinal);
        Assert.Contains("apt-get install libxgboost0", output, StringComparison.Ordinal);
        Assert.Contains(XGBoostLibrary.PathVariable, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.True(otherCode == ExitCodes.Ok, otherOutput);
    }

    /// <summary>XGBoost's own class probabilities for iris from the booster carried by the zip.</summary>
    private static float[][] XGBoostOwnProbabilities(string zip, out int classes)
    {
        var rows = File.ReadAllLines(TestFiles.Dataset("iris.csv")).Skip(1).Select(l => l.Split(',')[..4].Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        using var booster = Booster.Load(XGBoostModelFile.ReadBoosterJson(zip));
        using var matrix = DMatrix.FromDense([.. rows.SelectMany(r => r)], rows.Length, 4, 1);
        var flat = booster.Predict(matrix, margin: false);
        classes = flat.Length / rows.Length;
        var k = classes;
        return [.. Enumerable.Range(0, rows.Length).Select(r => flat.AsSpan(r * k, k).ToArray())];
    }

    /// <summary>Runs the built <c>mlpipe</c> in a child process whose library path points nowhere.</summary>
    private static (int Code, string Output) RunWithoutLibrary(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mlpipe.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment[XGBoostLibrary.PathVariable] = "/nonexistent/libxgboost.so";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "300";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
