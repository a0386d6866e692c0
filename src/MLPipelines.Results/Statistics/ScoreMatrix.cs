namespace MLPipelines.Results.Statistics;

/// <summary>
/// Scores of k models on N datasets (one number per cell, typically the mean over folds of one metric): the
/// input of the Friedman test and the Nemenyi post-hoc test.
/// </summary>
public sealed class ScoreMatrix
{
    private readonly double[][] _values;

    /// <summary>Builds the matrix; <paramref name="values"/>[d][m] is model m's score on dataset d.</summary>
    /// <exception cref="ArgumentException">Fewer than 2 models or datasets, duplicate names, a ragged row or a non-finite cell.</exception>
    public ScoreMatrix(IReadOnlyList<string> models, IReadOnlyList<string> datasets, IReadOnlyList<IReadOnlyList<double>> values)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(values);
        if (models.Count < 2)
        {
            throw new ArgumentException($"Ranking needs at least 2 models, got {models.Count}.", nameof(models));
        }

        if (datasets.Count < 2)
        {
            throw new ArgumentException($"The Friedman test needs at least 2 datasets, got {datasets.Count}.", nameof(datasets));
        }

        CheckUnique(models, "model", nameof(models));
        CheckUnique(datasets, "dataset", nameof(datasets));
        if (values.Count != datasets.Count)
        {
            throw new ArgumentException($"Expected {datasets.Count} rows (one per dataset), got {values.Count}.", nameof(values));
        }

        _values = new double[datasets.Count][];
        for (int d = 0; d < datasets.Count; d++)
        {
            var row = values[d];
            if (row.Count != models.Count)
            {
                throw new ArgumentException($"Dataset '{datasets[d]}' has {row.Count} scores, expected {models.Count} (one per model).", nameof(values));
            }

            for (int m = 0; m < models.Count; m++)
            {
                if (!double.IsFinite(row[m]))
                {
                    throw new ArgumentException($"Score of model '{models[m]}' on dataset '{datasets[d]}' is {row[m]}; every cell must be a finite number.", nameof(values));
                }
            }

            _values[d] = [.. row];
        }

        Models = [.. models];
        Datasets = [.. datasets];
    }

    /// <summary>Model names (columns).</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>Dataset names (rows).</summary>
    public IReadOnlyList<string> Datasets { get; }

    /// <summary>Score of model <paramref name="model"/> on dataset <paramref name="dataset"/> (both indices).</summary>
    public double this[int dataset, int model] => _values[dataset][model];

    /// <summary>The scores of one dataset, one per model.</summary>
    public ReadOnlySpan<double> Row(int dataset) => _values[dataset];

    private static void CheckUnique(IReadOnlyList<string> names, string what, string parameter)
    {
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The {what} name '{duplicate.Key}' appears {duplicate.Count()} times.", parameter);
        }
    }
}
