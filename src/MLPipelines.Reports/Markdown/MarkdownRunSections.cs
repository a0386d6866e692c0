using System.Text;
using MLPipelines.Reports.Findings;
using MLPipelines.Results;
using static MLPipelines.Reports.Markdown.MarkdownText;

namespace MLPipelines.Reports.Markdown;

/// <summary>The sections of <c>report.md</c> after the leaderboard: significance tests, feature importance, data.</summary>
internal static class MarkdownRunSections
{
    /// <summary>Features listed per model in the importance section.</summary>
    private const int TopFeatures = 10;

    public static void AppendComparisons(StringBuilder sb, RunResults results)
    {
        if (results.Comparisons is not { Count: > 0 } comparisons || results.Statistics is not { } statistics)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine("## Significance");
        sb.AppendLine();
        sb.AppendLine(statistics.AllPairs
            ? Inv($"Every pair of models, corrected resampled t-test (Nadeau and Bengio 2003) over {statistics.Runs} paired splits ({statistics.Design}), Holm-adjusted per metric, α = {statistics.Alpha}.")
            : Inv($"Each model against the baseline **{Cell(statistics.Baseline)}** ({statistics.BaselineReason}), corrected resampled t-test (Nadeau and Bengio 2003) over {statistics.Runs} paired splits ({statistics.Design}), α = {statistics.Alpha}."));
        if (statistics.Note is { } note)
        {
            sb.AppendLine();
            sb.AppendLine($"_{Cell(note)}._");
        }

        var holm = comparisons.Any(c => c.PValueHolm is not null);
        sb.AppendLine();
        sb.AppendLine("| metric | a | b | mean a | mean b | a − b | t | p |" + (holm ? " p (Holm) |" : "") + " a wins/ties/losses | verdict |");
        sb.AppendLine("|---|---|---|---:|---:|---:|---:|---:|" + (holm ? "---:|" : "") + "---:|---|");
        foreach (var c in comparisons)
        {
            var t = c.T is { } tv ? tv.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
            var verdict = c.Better is { } better ? $"**{Cell(better)}** better" : c.PValue is null ? "not tested" : "no significant difference";
            sb.AppendLine(Inv($"| {c.Metric} | {Cell(c.A)} | {Cell(c.B)} | {Num(c.MeanA)} | {Num(c.MeanB)} | {Num(c.MeanDiff)} | {t} | {P(c.PValue)} |{(holm ? $" {P(c.PValueHolm)} |" : "")} {c.FoldWins}/{c.FoldTies}/{c.FoldLosses} | {verdict} |"));
        }
    }

    public static void AppendImportance(StringBuilder sb, IReadOnlyList<ModelResult> models)
    {
        var withImportance = models.Where(m => m.FeatureImportance is not null).ToList();
        if (withImportance.Count == 0)
        {
            return;
        }

        var first = withImportance[0].FeatureImportance!;
        sb.AppendLine();
        sb.AppendLine("## Permutation feature importance");
        sb.AppendLine();
        var unit = first.Unit == "image_blocks"
            ? Inv($"each {first.Grid?.BlockSize}x{first.Grid?.BlockSize} block of pixels ({first.Grid?.Rows} x {first.Grid?.Columns} grid, row r and column c from the top left)")
            : "each input column";
        sb.AppendLine(Inv($"Drop in {first.Metric} when {unit} is shuffled among the test rows of a split (the model fitted on that split's training rows; up to {first.RowsPerSplit} rows, {first.Permutations} shuffle(s) per split, {first.Splits} split(s)). Larger = the model relies on it more; about 0 = not used."));
        foreach (var model in withImportance)
        {
            var importance = model.FeatureImportance!;
            sb.AppendLine();
            sb.AppendLine(Inv($"**{Cell(model.Name)}**"));
            sb.AppendLine();
            sb.AppendLine("| feature | importance | std |");
            sb.AppendLine("|---|---:|---:|");
            foreach (var entry in importance.Features.Take(TopFeatures))
            {
                sb.AppendLine(Inv($"| {Cell(entry.Feature)} | {Num(entry.Importance)} | {Num(entry.Std)} |"));
            }

            if (importance.Features.Count > TopFeatures)
            {
                sb.AppendLine(Inv($"| ({importance.Features.Count - TopFeatures} more in results.json) | | |"));
            }
        }
    }

    /// <summary>Per neural model: epochs run, the best epoch (lowest validation loss, or the trainer's own) and its loss, per split.</summary>
    public static void AppendLearningCurves(StringBuilder sb, RunResults results)
    {
        var models = results.Models.Where(m => m.Folds.Any(f => f.TrainingLog?.Epochs.Count > 0)).ToList();
        if (models.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine("## Learning curves");
        sb.AppendLine();
        sb.AppendLine("| model | split | epochs | best epoch | best validation loss | final training loss | notes |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var model in models)
        {
            foreach (var fold in model.Folds.Where(f => f.TrainingLog?.Epochs.Count > 0))
            {
                var log = fold.TrainingLog!;
                var best = LearningCurves.BestEpoch(log);
                sb.AppendLine(Inv($"| {Cell(model.Name)} | r{fold.Repeat + 1} f{fold.Fold + 1} | {log.Epochs.Count} | {(best is null ? "-" : best.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture))} | {(best?.ValidationLoss is { } v ? Num(v) : "-")} | {Num(log.Epochs[^1].TrainLoss)} | {Cell(string.Join("; ", log.Notes))} |"));
            }
        }
    }

    public static void AppendDataset(StringBuilder sb, RunResults results)
    {
        var dataset = results.Dataset;
        sb.AppendLine();
        sb.AppendLine("## Data");
        sb.AppendLine();
        if (dataset.Images is { } images)
        {
            sb.AppendLine(Inv($"Images ({images.Format}): {images.TrainImages} training images from `{Cell(images.Train)}`")
                + (images.Test is { } test ? Inv($", {images.TestImages} test images from `{Cell(test)}`") : "")
                + Inv($"; {images.Channels}x{images.Height}x{images.Width} pixels ({dataset.Features} features)."));
            if (images.Skipped > 0)
            {
                sb.AppendLine();
                sb.AppendLine(Inv($"{images.Skipped} unreadable file(s) were skipped, e.g. `{Cell(images.SkippedFiles[0].Path)}` ({Cell(images.SkippedFiles[0].Reason)})."));
            }

            sb.AppendLine();
        }

        if (dataset.Classes.Count > 0)
        {
            var counts = dataset.Classes.Select((c, i) => Inv($"{Cell(c)} ({(i < dataset.ClassCounts.Count ? dataset.ClassCounts[i] : 0)})"));
            sb.AppendLine($"Classes: {string.Join(", ", counts)}" + (dataset.PositiveClass is { } p ? $"; positive class: {Cell(p)}." : "."));
            sb.AppendLine();
        }

        if (dataset.LabelSummary is { } label)
        {
            sb.AppendLine(Inv($"Label `{Cell(dataset.Label)}`: min {label.Min:G4}, mean {label.Mean:G4}, std {label.Std:G4}, max {label.Max:G4}."));
            sb.AppendLine();
        }

        if (dataset.RowsDroppedMissingLabel > 0)
        {
            sb.AppendLine(Inv($"{dataset.RowsDroppedMissingLabel} row(s) without a label were dropped."));
            sb.AppendLine();
        }

        if (dataset.Columns.Count == 0)
        {
            return;
        }

        sb.AppendLine("| column | kind | missing | distinct | summary | why |");
        sb.AppendLine("|---|---|---:|---:|---|---|");
        foreach (var column in dataset.Columns)
        {
            sb.AppendLine(Inv($"| {Cell(column.Name)} | {column.Kind} | {column.Missing} | {column.Distinct} | {Cell(Summary(column))} | {Cell(column.Reason)} |"));
        }
    }

    private static string Summary(ColumnResult column) => column.Numeric is { } n && column.Kind is "numeric" or "label" or "boolean"
        ? Inv($"min {n.Min:G4}, mean {n.Mean:G4}, std {n.Std:G4}, max {n.Max:G4}")
        : string.Join(", ", column.Top.Take(3).Select(t => Inv($"{Shorten(t.Value)} ({t.Count})"))) + (column.Distinct > 3 ? ", ..." : "");

    private static string Shorten(string value) => value.Length > 24 ? value[..21] + "..." : value;

    /// <summary>One line from environment.json: OS, CPU, cores, .NET and the ML.NET version; nothing when absent or unreadable.</summary>
    public static void AppendEnvironment(StringBuilder sb, string? environmentJson)
    {
        if (string.IsNullOrWhiteSpace(environmentJson))
        {
            return;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(environmentJson);
            var root = document.RootElement;
            string? Text(System.Text.Json.JsonElement parent, string key) =>
                parent.ValueKind == System.Text.Json.JsonValueKind.Object && parent.TryGetProperty(key, out var v) && v.ValueKind is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number ? v.ToString() : null;
            var parts = new List<string?>
            {
                Text(root, "os"),
                Text(root, "cpu"),
                Text(root, "cores") is { } cores ? $"{cores} cores" : null,
                Text(root, "dotnet"),
                root.TryGetProperty("packages", out var packages) && Text(packages, "Microsoft.ML") is { } ml ? $"ML.NET {ml}" : null,
                Text(root, "git_commit") is { } commit ? $"commit {commit}" : null,
            };
            sb.AppendLine();
            sb.AppendLine($"_Environment: {Cell(string.Join(", ", parts.Where(p => p is not null)))} (environment.json)._");
        }
        catch (System.Text.Json.JsonException)
        {
            // A damaged environment.json must not stop the report; report.html shows the raw text.
        }
    }
}
