using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Results;
using MLPipelines.XGBoost.Training;

namespace MLPipelines.XGBoost.Tests;

/// <summary>
/// The small version of bench/xgboost_vs_python.py: the same training rows (with missing values), the same
/// parameters (including row and column sampling, so the seed must act the same) and python3-xgboost's
/// <c>xgboost.train</c> on the other side; the held-out predictions agree within 1e-5 for every task. .ci/run
/// installs python3-xgboost.
/// </summary>
public sealed class XGBoostDifferentialTests
{
    private const string Script = """
        import json, sys
        import numpy as np
        import xgboost as xgb
        folder = sys.argv[1]
        params = json.load(open(folder + "/params.json"))
        rounds = params.pop("__rounds")
        train = np.loadtxt(folder + "/train.csv", delimiter=",", dtype=np.float32, ndmin=2)
        test = np.loadtxt(folder + "/test.csv", delimiter=",", dtype=np.float32, ndmin=2)
        booster = xgb.train(params, xgb.DMatrix(train[:, 1:], label=train[:, 0], nthread=1), num_boost_round=rounds)
        for row in booster.predict(xgb.DMatrix(test, nthread=1)).reshape(len(test), -1):
            print(",".join(repr(float(v)) for v in row))
        """;

    private static readonly XGBoostOptions Options = new() { NEstimators = 20, Threads = 1, Subsample = 0.8, ColsampleBytree = 0.7, Seed = 3 };

    [Theory]
    [InlineData(TaskKind.Binary)]
    [InlineData(TaskKind.Multiclass)]
    [InlineData(TaskKind.Regression)]
    public void XGBoostTrainer_SameRowsAndParameters_PredictsLikePythonXGBoost(TaskKind task)
    {
        var ml = new MLContext(1);
        var data = task switch
        {
            TaskKind.Binary => XGBoostTables.Binary(ml, rows: 400),
            TaskKind.Multiclass => XGBoostTables.Multiclass(ml, rows: 400),
            _ => XGBoostTables.Regression(ml, rows: 400),
        };
        var (train, test) = (ml.Data.TakeRows(data, 300), ml.Data.SkipRows(data, 300));
        var catalog = ml.MulticlassClassification.Trainers;
        using var model = task switch
        {
            TaskKind.Binary => ml.BinaryClassification.Trainers.XGBoost(Options).Fit(train),
            TaskKind.Multiclass => catalog.XGBoost(Options).Fit(train),
            _ => ml.Regression.Trainers.XGBoost(Options).Fit(train),
        };
        var scored = model.Transform(test);
        float[][] ours = task switch
        {
            TaskKind.Binary => [.. scored.GetColumn<float>("Probability").Select(p => new[] { p })],
            TaskKind.Multiclass => [.. scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray())],
            _ => [.. scored.GetColumn<float>("Score").Select(p => new[] { p })],
        };

        var theirs = Python(model.Model.Parameters, XGBoostTrainingData.Read(train, task, "Label", "Features"), XGBoostTables.Features(test));

        Assert.Equal(ours.Length, theirs.Length);
        var worst = ours.Zip(theirs, (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max();
        Assert.True(worst <= 1e-5, $"largest difference from python3-xgboost {worst:G3}");
        if (task == TaskKind.Regression)
        {
            // The ONNX graph adds the trees in XGBoost's order and precision, and no link function follows.
            Assert.Equal(theirs, ours);
        }
    }

    private static float[][] Python(IReadOnlyList<KeyValuePair<string, string>> parameters, XGBoostTrainingData train, float[] test)
    {
        var folder = TestFiles.NewFolder();
        var values = parameters.ToDictionary(p => p.Key, p => (object)p.Value);
        values["__rounds"] = Options.NEstimators;
        File.WriteAllText(Path.Combine(folder, "params.json"), JsonSerializer.Serialize(values));
        WriteRows(Path.Combine(folder, "train.csv"), train.Features, train.Width, train.Labels);
        WriteRows(Path.Combine(folder, "test.csv"), test, train.Width, null);
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(folder);
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment.Remove("OPENBLAS_L2_SIZE");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3-xgboost failed (apt-get install python3-xgboost; .ci/run installs it): {errors}");
        return [.. output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
    }

    private static void WriteRows(string path, ReadOnlyMemory<float> features, int width, ReadOnlyMemory<float>? labels)
    {
        var text = new StringBuilder();
        for (var r = 0; r < features.Length / width; r++)
        {
            var cells = features.Slice(r * width, width).ToArray().Select(v => float.IsNaN(v) ? "nan" : v.ToString("R", CultureInfo.InvariantCulture));
            text.AppendLine(string.Join(',', labels is not { } y ? cells : cells.Prepend(y.Span[r].ToString("R", CultureInfo.InvariantCulture))));
        }

        File.WriteAllText(path, text.ToString());
    }
}
