using System.Diagnostics;
using System.Text.Json.Nodes;
using MLPipelines.Core.Runs;

namespace MLPipelines.Cli.Tests.Robustness;

/// <summary>
/// Runs killed with SIGKILL at random (seeded) moments and started again into the same folder finish with the
/// figures of an uninterrupted run; a second writer into a folder in use is refused. Real <c>mlpipe</c> processes.
/// </summary>
public sealed class KillRestartTests
{
    private const string Models = "  - {name: lin, trainer: lbfgs}\n  - {name: gbm, trainer: lightgbm, options: {iterations: 20}}\n  - {name: net, trainer: mlp, options: {epochs: 15, hidden_layers: [16]}}\n";

    [Fact]
    public void Run_KilledAtRandomPointsThenRestarted_FinishesWithTheUninterruptedFigures()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder, Models);
        var reference = Path.Combine(folder, "reference");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("run", spec, "--out", reference, "--quiet").ExitCode);
        var output = Path.Combine(folder, "killed");

        var restarts = KillAndRestart(["run", spec, "--out", output, "--quiet"], seed: 15);

        Assert.False(Directory.Exists(Path.Combine(folder, ".killed.partial")), $"left a partial folder after {restarts} restarts");
        AssertSameFigures(reference, output);
    }

    [Fact]
    public void Experiment_KilledAtRandomPointsThenRestarted_FinishesWithTheUninterruptedFigures()
    {
        var folder = TestFiles.NewFolder();
        File.Copy(TestFiles.Dataset("iris.csv"), Path.Combine(folder, "iris.csv"));
        File.Copy(TestFiles.Dataset("wine.csv"), Path.Combine(folder, "wine.csv"));
        var spec = TestFiles.Write("exp.yaml", "name: kill\nmetric: accuracy\nevaluation: {method: kfold, folds: 3, seed: 4}\nmodels:\n" + Models
            + "datasets:\n  - {name: iris, data: {path: iris.csv, label: target}}\n  - {name: wine, data: {path: wine.csv, label: target}}\nreport: {formats: [json, markdown]}\n", folder);
        var reference = Path.Combine(folder, "reference");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("experiment", spec, "--out", reference, "--quiet").ExitCode);
        var output = Path.Combine(folder, "killed");

        KillAndRestart(["experiment", spec, "--out", output, "--quiet"], seed: 16);

        foreach (var dataset in new[] { "iris", "wine" })
        {
            AssertSameFigures(Path.Combine(reference, "runs", dataset), Path.Combine(output, "runs", dataset));
        }

        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(reference, "experiment.json")))!["analysis"]!.ToJsonString();
        Assert.Equal(expected, JsonNode.Parse(File.ReadAllText(Path.Combine(output, "experiment.json")))!["analysis"]!.ToJsonString());
    }

    [Fact]
    public void Run_IntoAFolderAnotherRunIsWriting_IsRefused()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);
        var output = Path.Combine(folder, "busy");
        using var other = RunFolder.Create(output, overwrite: false, key: "another run");

        var (code, text) = CliRunner.Run("run", spec, "--out", output, "--quiet");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"{output}: another mlpipe run is writing to this folder", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ResumeWithNothingToResume_ExitsTwo()
    {
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.IrisSpec(folder);

        var (code, text) = CliRunner.Run("run", spec, "--resume", Path.Combine(folder, "never"), "--quiet");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no run to resume there", text, StringComparison.Ordinal);
    }

    /// <summary>Kills the command three times at random moments, then lets it finish; returns how many kills hit a live run.</summary>
    private static int KillAndRestart(string[] args, int seed)
    {
        var random = new Random(seed);
        var kills = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var process = Start(args);
            if (!process.WaitForExit(TimeSpan.FromMilliseconds(random.Next(1_500, 9_000))))
            {
                process.Kill(entireProcessTree: true); // SIGKILL: no handler runs, nothing is cleaned up
                kills++;
            }

            process.WaitForExit();
        }

        using var last = Start(args);
        Assert.True(last.WaitForExit(TimeSpan.FromMinutes(5)), "the restarted run did not finish");
        Assert.True(last.ExitCode == 0, $"exit {last.ExitCode}: {last.StandardError.ReadToEnd()}");
        return kills;
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = false, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mlpipe.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static void AssertSameFigures(string expected, string actual)
    {
        var a = JsonNode.Parse(File.ReadAllText(Path.Combine(expected, "results.json")))!;
        var b = JsonNode.Parse(File.ReadAllText(Path.Combine(actual, "results.json")))!;
        var modelsA = a["models"]!.AsArray();
        var modelsB = b["models"]!.AsArray();
        Assert.Equal(modelsA.Count, modelsB.Count);
        for (var m = 0; m < modelsA.Count; m++)
        {
            var name = modelsA[m]!["name"]!.GetValue<string>();
            Assert.Equal(modelsA[m]!["metrics"]!.ToJsonString(), modelsB[m]!["metrics"]!.ToJsonString());
            Assert.Equal(modelsA[m]!["feature_importance"]?["features"]?.ToJsonString(), modelsB[m]!["feature_importance"]?["features"]?.ToJsonString());
            Assert.Equal(File.ReadAllText(Path.Combine(expected, "predictions", $"{name}.csv")), File.ReadAllText(Path.Combine(actual, "predictions", $"{name}.csv")));
            Assert.True(File.Exists(Path.Combine(actual, "models", $"{name}.zip")), name);
        }

        Assert.Equal(a["statistics"]?.ToJsonString(), b["statistics"]?.ToJsonString());
    }
}
