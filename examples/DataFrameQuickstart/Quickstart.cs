using System.Net.Http.Json;
using Microsoft.Data.Analysis;
using MLPipelines;

namespace DataFrameQuickstart;

/// <summary>What the example returns: the tables it made and the answer of the model served in-process.</summary>
public sealed record QuickstartResult(PipelineRun Run, DataFrame Leaderboard, DataFrame Predictions, string ServedAnswer);

/// <summary>The walk-through, callable from a test: DataFrame in, comparison, DataFrames out, a served model.</summary>
public static class Quickstart
{
    public static async Task<QuickstartResult> RunAsync(string irisCsv, string outputDirectory, TextWriter log)
    {
        // 1. The data as a DataFrame: here read from CSV; any DataFrame with a label column will do.
        var frame = DataFrame.LoadCsv(irisCsv);

        // 2. A pipeline over that DataFrame: the data section names the label, not a file.
        var pipeline = Pipeline.Parse("""
            name: iris-quickstart
            data: {label: target}
            evaluation: {method: kfold, folds: 3, seed: 42}
            models:
              - {name: lightgbm, trainer: lightgbm, options: {iterations: 30, min_data_in_leaf: 5}}
              - {name: mlp, trainer: mlp, options: {epochs: 30, hidden_layers: [16]}}
              - {name: linear, trainer: sdca}
            report: {formats: [json], feature_importance: false}
            """, frame);

        // 3. Run it: every model on the same folds, then fitted on all rows.
        var run = pipeline.Run(outputDirectory);
        var leaderboard = run.Leaderboard();
        log.WriteLine(leaderboard.ToString());

        // 4. Score new rows (the first five, label and all: extra columns are ignored) with the best model.
        var best = run.BestModel();
        var predictions = best.Predict(frame.Head(5));
        log.WriteLine(predictions.ToString());

        // 5. Serve it in-process on a free loopback port and ask it over HTTP.
        await using var server = await best.ServeAsync();
        using var client = new HttpClient { BaseAddress = server.Address };
        var row = new Dictionary<string, object?>();
        foreach (var column in frame.Columns)
        {
            row[column.Name] = column[0];
        }

        using var response = await client.PostAsJsonAsync("predict", new { rows = new[] { row } });
        var answer = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        log.WriteLine($"POST {server.Address}predict -> {answer}");
        return new QuickstartResult(run, leaderboard, predictions, answer);
    }
}
