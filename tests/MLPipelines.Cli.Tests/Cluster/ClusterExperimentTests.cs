using System.Text.Json.Nodes;

namespace MLPipelines.Cli.Tests.Cluster;

/// <summary>
/// An experiment over five datasets on a cluster of three real <c>mlpipe worker</c> processes (Orleans silos, Redis
/// membership, a real <c>redis-server</c>, everything on loopback) gives the figures of the same experiment run in
/// one process; and again when the worker running a unit is SIGKILLed midway.
/// </summary>
public sealed class ClusterExperimentTests
{
    [RedisFact]
    public void Experiment_OnThreeWorkers_WithAndWithoutAWorkerKilled_GivesTheInProcessFigures()
    {
        // Given an experiment, its figures in one process, a Redis server and three workers of one cluster
        var folder = TestFiles.NewFolder();
        var spec = TestFiles.Write("five.yaml", FiveDatasets(), folder);
        var local = Path.Combine(folder, "local");
        Assert.Equal(ExitCodes.Ok, CliRunner.Run("experiment", spec, "--out", local, "--quiet").ExitCode);
        using var redis = new RedisServer();
        var clusterId = $"test-{Guid.NewGuid():N}"[..13];
        var workers = Enumerable.Range(0, 3).Select(_ => new WorkerProcess(redis.Url, clusterId)).ToList();
        try
        {
            foreach (var worker in workers)
            {
                worker.WaitReady();
            }

            // When it runs on the cluster
            var clustered = Path.Combine(folder, "cluster");
            var (code, text) = CliRunner.Run("experiment", spec, "--out", clustered, "--quiet", "--cluster", redis.Url, "--cluster-id", clusterId);

            // Then the figures are the in-process ones, and the units were stored in Redis
            Assert.True(code == ExitCodes.Ok, text);
            AssertSameFigures(local, clustered);
            var units = redis.Keys($"mlpipe:mlpipe:{clusterId}:unit:*");
            Assert.Equal(5 * 2 * 3, units.Count);

            // When the finished units are forgotten and the experiment runs again while the worker running a unit is killed
            redis.Delete(units);
            var again = Path.Combine(folder, "killed");
            var run = Task.Run(() => CliRunner.Run("experiment", spec, "--out", again, "--quiet", "--cluster", redis.Url, "--cluster-id", clusterId));
            var killed = KillAWorkerRunningAUnit(redis, clusterId, workers, run);

            // Then it still completes, with the same figures
            var (againCode, againText) = run.GetAwaiter().GetResult();
            Assert.True(againCode == ExitCodes.Ok, againText);
            Assert.NotNull(killed);
            Assert.True(killed!.HasExited);
            AssertSameFigures(local, again);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    /// <summary>SIGKILLs the first worker seen running a unit (its Redis mark), once a few units are done; null if the run ends first.</summary>
    private static WorkerProcess? KillAWorkerRunningAUnit(RedisServer redis, string clusterId, List<WorkerProcess> workers, Task run)
    {
        var prefix = $"mlpipe:mlpipe:{clusterId}:";
        while (!run.IsCompleted)
        {
            if (redis.Keys(prefix + "unit:*").Count >= 6)
            {
                foreach (var key in redis.Keys(prefix + "running:*"))
                {
                    var id = redis.Get(key);
                    var worker = workers.FirstOrDefault(w => w.Id == id && !w.HasExited);
                    if (worker is not null)
                    {
                        worker.Kill();
                        return worker;
                    }
                }
            }

            Thread.Sleep(20);
        }

        return null;
    }

    private static string FiveDatasets()
    {
        var datasets = new[] { ("iris", "iris.csv", "target"), ("wine", "wine.csv", "target"), ("penguins", "penguins.csv", "species"), ("breast_cancer", "breast_cancer.csv", "target"), ("digits", "digits.csv", "digit") };
        return "name: five\nmetric: accuracy\nevaluation: {folds: 3, seed: 2}\nmodels:\n" +
            "  - {name: sdca, trainer: sdca, options: {max_iterations: 20}}\n  - {name: linear, trainer: lbfgs}\ndatasets:\n" +
            string.Concat(datasets.Select(d => $"  - {{name: {d.Item1}, data: {{path: {TestFiles.Dataset(d.Item2)}, label: {d.Item3}}}}}\n"));
    }

    /// <summary>experiment.json without its clock readings, and each dataset's metrics and predictions.</summary>
    private static void AssertSameFigures(string expected, string actual)
    {
        Assert.Equal(Figures(JsonNode.Parse(File.ReadAllText(Path.Combine(expected, "experiment.json")))!),
            Figures(JsonNode.Parse(File.ReadAllText(Path.Combine(actual, "experiment.json")))!));
        foreach (var run in Directory.GetDirectories(Path.Combine(expected, "runs")))
        {
            var name = Path.GetFileName(run);
            var a = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "results.json")))!["models"]!.AsArray();
            var b = JsonNode.Parse(File.ReadAllText(Path.Combine(actual, "runs", name, "results.json")))!["models"]!.AsArray();
            Assert.Equal(a.Select(m => m!["metrics"]!.ToJsonString()), b.Select(m => m!["metrics"]!.ToJsonString()));
            foreach (var predictions in Directory.GetFiles(Path.Combine(run, "predictions")))
            {
                Assert.Equal(File.ReadAllText(predictions), File.ReadAllText(Path.Combine(actual, "runs", name, "predictions", Path.GetFileName(predictions))));
            }
        }
    }

    private static string Figures(JsonNode node)
    {
        Strip(node);
        return node.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => k.Contains("seconds", StringComparison.Ordinal) || k.Contains("started", StringComparison.Ordinal) || k == "run_directory").ToList())
            {
                obj.Remove(key);
            }

            foreach (var child in obj.Select(p => p.Value).ToList())
            {
                Strip(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                Strip(child);
            }
        }
    }
}
