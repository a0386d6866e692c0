using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MLPipelines.Cli.Tests.Robustness;

/// <summary>
/// A tuning run (a real <c>mlpipe run</c> child process) killed with SIGKILL at random (seeded) moments of its
/// search and resumed gives the <c>results.json</c> of an uninterrupted run, and its trial log shows that no finished
/// trial was trained twice (issue 11).
/// </summary>
public sealed class TuningKillResumeTests
{
    // 3 outer folds x 6 trials (inner 2-fold bag) of a small LightGBM on breast_cancer: 18 trials, a few seconds.
    private const string Spec = """
        name: kill-tuning
        data: {path: breast_cancer.csv, label: target}
        evaluation: {method: kfold, folds: 3, seed: 7}
        tuning:
          budget: {trials: 6}
          inner: {method: kfold, folds: 2}
        models:
          - name: gbm
            trainer: lightgbm
            options: {iterations: 40}
            tune:
              space:
                learning_rate: {log_uniform: [0.02, 0.3]}
                num_leaves: {int_log_uniform: [4, 64]}
                feature_fraction: {uniform: [0.5, 1.0]}
        report: {formats: [json]}
        """;

    private const int Trials = 18;

    [Fact]
    public void Run_TuningKilledAtRandomMomentsThenResumed_SameResultsAndNoFinishedTrialTrainedTwice()
    {
        // Given an uninterrupted run, and the same run killed twice (once it has trained a random number of trials,
        // plus a random delay, so kills land inside fits, between trials and around a split's end) then resumed
        var folder = TestFiles.NewFolder();
        File.Copy(TestFiles.Dataset("breast_cancer.csv"), Path.Combine(folder, "breast_cancer.csv"));
        var spec = TestFiles.Write("kill-tuning.yaml", Spec, folder);
        var reference = Path.Combine(folder, "reference");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("run", spec, "--out", reference, "--quiet").ExitCode);
        var output = Path.Combine(folder, "killed");
        var partialLog = Path.Combine(folder, ".killed.partial", "tuning", "gbm", "trial-log.jsonl");
        var random = new Random(11);
        var kills = 0;

        // When
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var trained = random.Next(1, Trials / 2);
            kills += KillAfter(["run", spec, "--out", output, "--quiet"], partialLog, trained, TimeSpan.FromMilliseconds(random.Next(0, 400))) ? 1 : 0;
        }

        using (var last = Start(["run", spec, "--resume", output, "--quiet"]))
        {
            Assert.True(last.WaitForExit(TimeSpan.FromMinutes(5)), "the resumed run did not finish");
            Assert.True(last.ExitCode == 0, $"exit {last.ExitCode}: {last.StandardError.ReadToEnd()}");
        }

        // Then the figures are the uninterrupted run's, every trial is in the log, and none was trained twice
        Assert.True(kills > 0, "no kill hit a live run");
        Assert.False(Directory.Exists(Path.Combine(folder, ".killed.partial")));
        AssertSameResults(reference, output);
        var expected = LogLines(reference).Select(l => (l.Split, l.Trial)).ToHashSet();
        Assert.Equal(Trials, expected.Count);
        var lines = LogLines(output);
        Assert.Equal(expected, lines.Select(l => (l.Split, l.Trial)).ToHashSet());
        var trainedTwice = lines.Where(l => l.Action == "trained").GroupBy(l => (l.Split, l.Trial)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Split}/{g.Key.Trial}");
        Assert.Empty(trainedTwice);
        Assert.True(lines.Select(l => l.Attempt).Distinct().Count() >= 2, "the log shows one attempt only: the kills missed the search");
    }

    /// <summary>
    /// Starts the command, waits until this attempt has trained <paramref name="trials"/> trials (trial log lines) and
    /// <paramref name="delay"/> more, then kills it (SIGKILL: no handler runs); false when the run finished before that.
    /// </summary>
    private static bool KillAfter(string[] args, string log, int trials, TimeSpan delay)
    {
        var before = TrainedCount(log);
        using var process = Start(args);
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && TrainedCount(log) < before + trials)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(5), $"the run did not train {trials} trials");
            Thread.Sleep(10);
        }

        var live = !process.WaitForExit(delay);
        if (live)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        return live;
    }

    private static int TrainedCount(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n').Count(line => line.Contains("\"action\":\"trained\"", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return 0;
        }
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

    private static List<(string Attempt, string Split, string Trial, string Action)> LogLines(string run) =>
    [
        .. File.ReadAllLines(Path.Combine(run, "tuning", "gbm", "trial-log.jsonl")).Select(line =>
        {
            var json = JsonNode.Parse(line)!;
            return (json["attempt"]!.GetValue<string>(), json["split"]!.GetValue<string>(), json["trial"]!.GetValue<string>(), json["action"]!.GetValue<string>());
        }),
    ];

    /// <summary>Same metrics, predictions, chosen configurations and ensembles for the three rows of the tuned model.</summary>
    private static void AssertSameResults(string expected, string actual)
    {
        var a = JsonNode.Parse(File.ReadAllText(Path.Combine(expected, "results.json")))!["models"]!.AsArray();
        var b = JsonNode.Parse(File.ReadAllText(Path.Combine(actual, "results.json")))!["models"]!.AsArray();
        Assert.Equal(["gbm", "gbm:tuned", "gbm:ensembled"], b.Select(m => m!["name"]!.GetValue<string>()));
        Assert.Equal(a.Count, b.Count);
        for (var m = 0; m < a.Count; m++)
        {
            Assert.Equal(a[m]!["metrics"]!.ToJsonString(), b[m]!["metrics"]!.ToJsonString());
            Assert.Equal(a[m]!["options"]!.ToJsonString(), b[m]!["options"]!.ToJsonString());
            var file = a[m]!["predictions_file"]!.GetValue<string>();
            Assert.Equal(File.ReadAllText(Path.Combine(expected, file)), File.ReadAllText(Path.Combine(actual, file)));
            if (a[m]!["tuning"]?["splits"] is JsonArray splitsA)
            {
                var splitsB = b[m]!["tuning"]!["splits"]!.AsArray();
                Assert.Equal(splitsA.Select(Decisions), splitsB.Select(Decisions));
            }
        }
    }

    private static string Decisions(JsonNode? split) => string.Join(
        "|",
        split!["chosen"]!.ToJsonString(),
        split["ensemble"]!.ToJsonString(),
        split["tuned_inner_score"]!.ToJsonString(),
        split["ensembled_outer_score"]!.ToJsonString(),
        split["trials"]!.ToJsonString());
}
