namespace MLPipelines.Spec;

/// <summary>Binds the read <c>report:</c> section; the baseline must name one of the models.</summary>
internal static class ReportSectionReader
{
    public static ReportSpec Bind(KeyedValues report, IReadOnlyList<ModelSpec> models, SpecReadContext context)
    {
        var spec = new ReportSpec
        {
            Formats = report.Get<List<string>>("formats"),
            Baseline = report.GetOrNull<string>("baseline"),
            AllPairs = report.Get<bool>("all_pairs"),
            FeatureImportance = report.Get<bool>("feature_importance"),
        };

        var rows = RowNames(models);
        if (spec.Baseline is { } baseline && report.IsValid("baseline") && models.Count > 0 && !rows.Contains(baseline))
        {
            var names = rows;
            context.Error(context.LocationOf(report.PathOf("baseline")), report.PathOf("baseline"),
                $"no model is named '{baseline}'{NameSuggester.DidYouMean(baseline, names)} (models: {string.Join(", ", names)})");
        }

        return spec;
    }

    /// <summary>The names of the rows a run reports: each model, and NAME:tuned and NAME:ensembled for a model with tune.</summary>
    public static List<string> RowNames(IEnumerable<ModelSpec> models) =>
        [.. models.SelectMany(m => m.Tune is null ? [m.Name] : new[] { m.Name, $"{m.Name}:tuned", $"{m.Name}:ensembled" }).Distinct(StringComparer.Ordinal)];
}
