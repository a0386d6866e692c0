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

        if (spec.Baseline is { } baseline && report.IsValid("baseline") && models.Count > 0 && models.All(m => m.Name != baseline))
        {
            var names = models.Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
            context.Error(context.LocationOf(report.PathOf("baseline")), report.PathOf("baseline"),
                $"no model is named '{baseline}'{NameSuggester.DidYouMean(baseline, names)} (models: {string.Join(", ", names)})");
        }

        return spec;
    }
}
