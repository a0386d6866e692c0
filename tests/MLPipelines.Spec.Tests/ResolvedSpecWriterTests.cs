using System.Text.Json;
using MLPipelines.Results;

namespace MLPipelines.Spec.Tests;

public sealed class ResolvedSpecWriterTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Everything but where the spec came from: the values a run uses.</summary>
    private static string Canonical(PipelineSpec spec)
    {
        var node = JsonSerializer.SerializeToNode(spec)!.AsObject();
        node.Remove(nameof(PipelineSpec.SourcePath));
        node.Remove(nameof(PipelineSpec.Locations));
        return node.ToJsonString();
    }

    /// <summary>Writes <paramref name="spec"/> into a run folder elsewhere and loads it back from there.</summary>
    private PipelineSpec RoundTrip(PipelineSpec spec)
    {
        var runFolder = Path.Combine(_folder.Root, "runs", "r1");
        Directory.CreateDirectory(runFolder);
        var resolved = Path.Combine(runFolder, "resolved.yaml");
        ResolvedSpecWriter.Write(spec, resolved);
        return new SpecLoader(SpecFolder.Registry()).Load(resolved);
    }

    [Fact]
    public void ResolvedSpecWriter_Write_IssueExample_LoadsBackEqual()
    {
        _folder.Write("datasets/letter.csv", "lettr,x\nA,1\n");
        var spec = new SpecLoader(SpecFolder.Registry()).Load(_folder.Write("pipelines/letter.yaml", ExampleSpecs.IssueExample));

        Assert.Equal(Canonical(spec), Canonical(RoundTrip(spec)));
    }

    [Fact]
    public void ResolvedSpecWriter_Write_RichSpec_LoadsBackEqual()
    {
        var spec = _folder.Parse(ExampleSpecs.Rich);

        Assert.Equal(Canonical(spec), Canonical(RoundTrip(spec)));
    }

    [Fact]
    public void ResolvedSpecWriter_Write_UnresolvedAndResolvedTask_BothLoadBackEqual()
    {
        var spec = _folder.Parse(SpecFolder.Lines("name: m", "data: {path: data.csv, label: y}", "models: [toy, lightgbm]"));
        Assert.Equal(Canonical(spec), Canonical(RoundTrip(spec)));

        var resolved = new SpecLoader(SpecFolder.Registry()).Resolve(spec, TaskKind.Binary);

        Assert.Equal(Canonical(resolved), Canonical(RoundTrip(resolved)));
    }

    [Fact]
    public void ResolvedSpecWriter_Write_StringsThatLookLikeOtherTypes_StayStrings()
    {
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: m",
            "data:",
            "  path: data.csv",
            "  label: 'true'",
            "  separator: ';'",
            "  missing_values: ['', '~', 'null', '#', 'a: b', ' x', '-', '1e3', 'it''s', 'é', '[x]']",
            "  columns: {categorical: ['007', 'yes', 'a,b', '*x', '&y', '!z', '%p', '@q', '`r`', '|s', '>t', '\"u\"']}",
            "models: [sdca]"));

        var back = RoundTrip(spec);

        Assert.Equal(Canonical(spec), Canonical(back));
        Assert.Equal("true", back.Data.Label);
        Assert.Equal(';', back.Data.Separator);
    }

    [Fact]
    public void ResolvedSpecWriter_ToYaml_WritesEveryValueExplicitly()
    {
        var spec = _folder.Parse(SpecFolder.Lines("name: m", "data: {path: data.csv, label: y, task: binary}", "models: [lightgbm]"));

        var yaml = ResolvedSpecWriter.ToYaml(spec);

        Assert.Contains($"  path: {Path.Combine(_folder.Root, "data.csv")}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  missing_values: [\"\", NA, \"?\"]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  folds: 5\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  stratify: true\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  primary_metric: accuracy\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("test_fraction", yaml, StringComparison.Ordinal);
        Assert.Contains("- impute: {numeric: median, categorical: most_frequent, add_indicator: false}\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    iterations: 100\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    learning_rate: 0.1\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    l1: 0.0\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    threads: null\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  baseline: null\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvedSpecWriter_ToYaml_OverriddenSeed_IsWritten()
    {
        var spec = _folder.Parse(SpecFolder.Lines("name: m", "data: {path: data.csv, label: y}", "evaluation: {seed: 1}", "models: [sdca]"));

        Assert.Equal(1234, RoundTrip(spec.WithSeed(1234)).Evaluation.Seed);
    }

    [Theory]
    [InlineData("{kind: images, format: idx, train: {images: fm/a.gz, labels: fm/b.gz}, test: {images: fm/a.gz, labels: fm/b.gz}, classes: [x, y]}", "~")]
    [InlineData("{kind: images, format: idx, train: {images: fm/a.gz, labels: fm/b.gz}, task: multiclass}", "{method: holdout, repeats: 2}")]
    [InlineData("{kind: images, format: folders, path: photos, image: {width: 8, height: 6, resize: none}, skip_unreadable: true}", "{folds: 3}")]
    [InlineData("{kind: images, format: folders, train: photos, test: photos}", "{method: test_set, seed: 3}")]
    [InlineData("{kind: images, format: csv_pixels, path: fm/d.csv, label: digit, pixel_max: 16, separator: ';', image: {width: 2, height: 2, channels: 1}}", "~")]
    public void ResolvedSpecWriter_Write_ImageSpecs_LoadBackEqual(string data, string evaluation)
    {
        _folder.Write("fm/a.gz", "x");
        _folder.Write("fm/b.gz", "x");
        _folder.Write("fm/d.csv", "digit;p0\n1;0\n");
        _folder.Write("photos/cat/a.png", "x");
        var spec = _folder.Parse(SpecFolder.Lines("name: img", $"data: {data}", $"evaluation: {evaluation}", "preprocessing: [normalize]", "models: [lightgbm]"));

        var reloaded = RoundTrip(spec);

        Assert.Equal(Canonical(spec), Canonical(reloaded));
        Assert.Equal(DataKind.Images, reloaded.Data.Kind);
    }
}
