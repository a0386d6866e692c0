namespace MLPipelines.Core.Spec;

/// <summary>The <c>report:</c> section.</summary>
public sealed class ReportSpec
{
    /// <summary>Report files to write: <c>json</c>, <c>markdown</c>, <c>html</c>. Default json + markdown.</summary>
    public List<string> Formats { get; set; } = ["json", "markdown"];

    /// <summary>Model every other model is compared with; null = the best boosted-tree model.</summary>
    public string? Baseline { get; set; }
}
