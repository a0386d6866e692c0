namespace MLPipelines.Spec;

/// <summary>The <c>report:</c> section.</summary>
public sealed class ReportSpec
{
    /// <summary>
    /// Report files to write, each at most once: <c>json</c> (<c>results.json</c>), <c>markdown</c>
    /// (<c>report.md</c>), <c>html</c> (<c>report.html</c>). Default json + markdown.
    /// </summary>
    public List<string> Formats { get; set; } = ["json", "markdown", "html"];

    /// <summary>Name of the model every other model is compared with (must be one of <c>models</c>); null = the best boosted-tree model.</summary>
    public string? Baseline { get; set; }

    /// <summary>Also test every pair of models (Holm-adjusted per metric), not only each model against the baseline. Default false.</summary>
    public bool AllPairs { get; set; }

    /// <summary>Compute permutation feature importance of every model on its test rows. Default true.</summary>
    public bool FeatureImportance { get; set; } = true;
}
