using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MLPipelines.Cli.Tests;

/// <summary>
/// Pins the figures of small real runs (every trainer, every task, kfold and holdout, tables and images) to golden
/// files committed next to their specs (<c>Golden/NAME.yaml</c> -> <c>Golden/NAME.figures.json</c>): every split's
/// metrics, written with all their digits, every model's out-of-fold predictions file as a SHA-256 (with the checkout's
/// folder, which image predictions name in their source column, left out), and the permutation importances. A change meant to keep the numbers (a refactoring) must pass it unchanged; a change meant to
/// change them regenerates the files with MLPIPE_UPDATE_SNAPSHOTS=1 and says why in its commit.
/// bench/same_figures.sh does the same on the full example pipelines, between two revisions.
/// </summary>
public sealed class SameFiguresTests
{
    private const string UpdateVariable = "MLPIPE_UPDATE_SNAPSHOTS";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Theory]
    [InlineData("penguins")]
    [InlineData("penguins-regression")]
    [InlineData("breast-cancer")]
    [InlineData("digits-cnn")]
    public void Run_GoldenPipeline_GivesTheCommittedFigures(string name)
    {
        var spec = TestFiles.Golden($"{name}.yaml");
        var run = Path.Combine(TestFiles.NewFolder(), "run");

        var (code, output) = CliRunner.Run("run", spec, "--out", run, "--quiet");

        Assert.True(code == ExitCodes.Ok, output);
        var figures = Figures(run);
        var golden = TestFiles.Golden($"{name}.figures.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(golden, figures);
        }

        var committed = File.Exists(golden) ? File.ReadAllText(golden) : "(missing)";
        Assert.True(committed == figures,
            $"the figures of Golden/{name}.yaml changed; if that is intended, regenerate with {UpdateVariable}=1 dotnet test tests/MLPipelines.Cli.Tests --filter FullyQualifiedName~SameFiguresTests\n--- now:\n{figures}");
    }

    /// <summary>The figures of a run folder as indented JSON: per model its splits' metrics, predictions hash and importances.</summary>
    private static string Figures(string run)
    {
        var results = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "results.json")))!;
        var models = new JsonArray();
        foreach (var model in results["models"]!.AsArray())
        {
            var folds = new JsonArray();
            foreach (var fold in model!["folds"]!.AsArray())
            {
                folds.Add(new JsonObject
                {
                    ["repeat"] = fold!["repeat"]!.GetValue<int>(),
                    ["fold"] = fold["fold"]!.GetValue<int>(),
                    ["train_rows"] = fold["train_rows"]!.GetValue<int>(),
                    ["test_rows"] = fold["test_rows"]!.GetValue<int>(),
                    ["metrics"] = Exact(fold["metrics"]!.AsObject()),
                });
            }

            var entry = new JsonObject
            {
                ["name"] = model["name"]!.GetValue<string>(),
                ["folds"] = folds,
                ["predictions_sha256"] = Sha256(Path.Combine(run, model["predictions_file"]!.GetValue<string>())),
            };
            if (model["feature_importance"]?["features"] is JsonArray features)
            {
                entry["importance"] = new JsonArray([.. features.Select(f => (JsonNode)new JsonObject
                {
                    ["feature"] = f!["feature"]!.GetValue<string>(),
                    ["mean_change"] = Text(f["mean_change"]!),
                    ["std"] = Text(f["std"]!),
                })]);
            }

            models.Add(entry);
        }

        return new JsonObject { ["task"] = results["task"]!.GetValue<string>(), ["models"] = models }.ToJsonString(Indented) + "\n";
    }

    /// <summary>Each number as its round-trip text, so the comparison is exact and a diff shows every digit.</summary>
    private static JsonObject Exact(JsonObject metrics) =>
        new(metrics.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)Text(kv.Value!))));

    private static JsonValue Text(JsonNode number) => number.GetValueKind() == JsonValueKind.Number
        ? JsonValue.Create(number.GetValue<double>().ToString("R", CultureInfo.InvariantCulture))
        : JsonValue.Create(number.ToJsonString());

    /// <summary>The file's SHA-256 with the repository folder removed from it, so any checkout gives the same hash.</summary>
    private static string Sha256(string path)
    {
        var text = File.ReadAllText(path).Replace(TestFiles.RepoRoot + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
