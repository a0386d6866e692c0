using CsCheck;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// Mutated CSV tables (quoting, separators, line endings, NaN/inf/huge numbers, ragged rows, empty and one-column
/// files, very long lines, very wide files) given to <c>run</c>, <c>describe</c>, <c>predict</c> and <c>init</c>.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class CsvFuzzTests(ITestOutputHelper output)
{
    private static readonly TextMutator Mutator = new(CsvShapes.Values, CsvShapes.Lines);

    /// <summary>One cheap model per case, so every trainer meets odd data (tiny, constant, wide, one class).</summary>
    private static readonly string[] Models =
    [
        "{name: gbm, trainer: lightgbm, options: {iterations: 3}}",
        "{name: tree, trainer: fasttree, options: {trees: 3}}",
        "{name: forest, trainer: fastforest, options: {trees: 3}}",
        "{name: lin, trainer: lbfgs}",
        "{name: sdca, trainer: sdca}",
        "{name: net, trainer: mlp, options: {epochs: 2, hidden_layers: [8]}}",
    ];

    private static string Spec(int model) => "name: fz-csv\ndata: {path: table.csv, label: label}\nevaluation: {method: holdout, seed: 1}\n"
        + $"models:\n  - {Models[model % Models.Length]}\nreport: {{formats: [json], feature_importance: {(model == 0 ? "true" : "false")}}}\n";

    [Fact]
    public void Verbs_MutatedCsv_ExitZeroOrTwoWithMessage()
    {
        var fixture = FuzzFixture.Shared;
        var gen = Gen.Select(Gene.Many(0, 6), Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[0, Models.Length - 1]);

        var summary = FuzzRunner.Run("csv", gen, FuzzBudget.Cases(30, 2_000), (value, folder) =>
        {
            var (genes, shape, verb, model) = value;
            var table = Path.Combine(folder, "table.csv");
            FuzzFiles.Write(table, Mutator.Apply(CsvShapes.Apply(fixture.Csv, shape), genes));
            var spec = Path.Combine(folder, "fz.yaml");
            FuzzFiles.Write(spec, Spec(model));
            return verb switch
            {
                < 55 => new FuzzCase(["run", spec, "--out", Path.Combine(folder, "out"), "--quiet"]),
                < 75 => new FuzzCase(["describe", table, "--label", "label"]),
                < 95 => new FuzzCase(["predict", "--model", Path.Combine(fixture.RunFolder, "models", verb % 2 == 0 ? "lin.zip" : "net.zip"), "--input", table, "--output", Path.Combine(folder, "p.csv")]),
                _ => new FuzzCase(["init", table, "--label", "label"]),
            };
        }, TimeSpan.FromSeconds(60));

        output.WriteLine(summary.ToString());
        Assert.True(summary.Failures.Count == 0, summary.ToString());
    }
}
