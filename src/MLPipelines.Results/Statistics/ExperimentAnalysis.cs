namespace MLPipelines.Results.Statistics;

/// <summary>
/// Analyses an experiment over several datasets on one metric: per dataset, every model against the baseline
/// with the corrected resampled t-test; over datasets, average ranks of the mean scores, the Friedman test and
/// the Nemenyi post-hoc test (Demšar 2006), and TabArena's aggregate views (Elo, normalized score, win rate) with
/// a reference model (default the baseline).
/// </summary>
public static class ExperimentAnalysis
{
    /// <summary>Runs the analysis; every dataset must list the same models.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 datasets, differing model sets, unknown baseline or metric.</exception>
    public static ExperimentResult Run(IReadOnlyList<DatasetScores> datasets, string metric, string baseline, ComparisonOptions? options = null, string? reference = null)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(metric);
        options ??= new ComparisonOptions();
        if (datasets.Count < 2)
        {
            throw new ArgumentException($"An experiment needs at least 2 datasets, got {datasets.Count}.", nameof(datasets));
        }

        var models = datasets[0].Models.Select(m => m.Name).ToList();
        foreach (var dataset in datasets)
        {
            var names = dataset.Models.Select(m => m.Name).ToList();
            if (!names.Order(StringComparer.Ordinal).SequenceEqual(models.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"Dataset '{dataset.Dataset}' has models [{string.Join(", ", names)}], expected [{string.Join(", ", models)}] as on '{datasets[0].Dataset}'.",
                    nameof(datasets));
            }
        }

        var direction = options.DirectionOf(metric);
        var perMetric = new ComparisonOptions { Alpha = options.Alpha, Metrics = [metric], Directions = options.Directions };
        var means = new List<IReadOnlyList<double>>();
        var marks = new List<IReadOnlyList<string>>();
        var comparisons = new Dictionary<string, IReadOnlyList<PairedComparison>>(StringComparer.Ordinal);
        foreach (var dataset in datasets)
        {
            var byName = dataset.Models.ToDictionary(m => m.Name, StringComparer.Ordinal);
            var tests = ModelComparer.AgainstBaseline(dataset.Models, baseline, dataset.Design, perMetric);
            comparisons[dataset.Dataset] = tests;
            means.Add([.. models.Select(m => MeanOf(byName[m].Metrics[metric], dataset.Dataset, m))]);
            marks.Add([.. models.Select(m => MarkOf(tests.FirstOrDefault(c => c.A == m), m))]);
        }

        var matrix = new ScoreMatrix(models, [.. datasets.Select(d => d.Dataset)], means);
        var friedman = FriedmanTest.Run(matrix, direction, options.Alpha);
        var all = comparisons.Values.SelectMany(c => c).ToList();
        return new ExperimentResult
        {
            Metric = metric,
            Baseline = baseline,
            Models = models,
            Datasets = matrix.Datasets,
            Means = means,
            Marks = marks,
            Comparisons = comparisons,
            WinTieLoss = models.Where(m => m != baseline).ToDictionary(m => m, m => WinTieLoss.Tally(all.Where(c => c.A == m), m), StringComparer.Ordinal),
            Friedman = friedman,
            Nemenyi = NemenyiTest.Run(friedman, options.Alpha),
            Aggregates = AggregateViews.Compute(matrix, direction, reference ?? baseline),
        };
    }

    private static double MeanOf(IReadOnlyList<double> folds, string dataset, string model)
    {
        var finite = folds.Where(double.IsFinite).ToList();
        return finite.Count > 0
            ? finite.Average()
            : throw new ArgumentException($"Model '{model}' has no finite fold values on dataset '{dataset}'.", nameof(folds));
    }

    private static string MarkOf(PairedComparison? comparison, string model) => comparison?.Better switch
    {
        null => string.Empty,
        var better when better == model => "v",
        _ => "*",
    };
}
