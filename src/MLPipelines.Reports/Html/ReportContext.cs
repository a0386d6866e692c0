using MLPipelines.Reports.Charts;
using MLPipelines.Reports.Findings;
using MLPipelines.Reports.Inputs;
using MLPipelines.Results;

namespace MLPipelines.Reports.Html;

/// <summary>What every section of the HTML report reads: the run folder content and the findings computed from it.</summary>
internal sealed class ReportContext
{
    public ReportContext(RunFolderContent content)
    {
        Content = content;
        Findings = RunFindings.From(content.Results, content.RequestedBaseline);
    }

    public RunFolderContent Content { get; }

    public RunFindings Findings { get; }

    public RunResults Results => Content.Results;

    /// <summary>The model's position in the run (its chart color).</summary>
    public int ColorIndex(string model)
    {
        for (var i = 0; i < Results.Models.Count; i++)
        {
            if (Results.Models[i].Name == model)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>Markup: the model's color swatch and its escaped name.</summary>
    public string ModelLabel(string model) =>
        $"<span class=\"swatch\" style=\"background:{ModelColors.Css(ColorIndex(model))}\"></span>{HtmlText.Escape(model)}";

    /// <summary>Markup: an HTML legend of model swatches for the charts that follow (wraps on a phone).</summary>
    public string Legend(IEnumerable<string> models, string? extra = null) =>
        "<p class=\"legend\">" + string.Concat(models.Select(m => $"<span>{ModelLabel(m)}</span>")) + (extra ?? "") + "</p>\n";

    /// <summary>"test set", "split 2" (holdout), "r2 f3" for repeated k-fold, "fold 3" otherwise (1-based).</summary>
    public string SplitName(FoldResult fold) =>
        Results.Evaluation.Method == "test_set" ? "test set"
        : Results.Evaluation.Method == "holdout" ? $"split {fold.Repeat + 1}"
        : Results.Evaluation.Repeats > 1 ? $"r{fold.Repeat + 1} f{fold.Fold + 1}"
        : $"fold {fold.Fold + 1}";
}
