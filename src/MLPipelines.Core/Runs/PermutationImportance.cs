using System.Diagnostics;
using Microsoft.ML;
using MLPipelines.Core.Evaluation;
using MLPipelines.Results;
using MLPipelines.Results.Statistics;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Permutation feature importance of one model, measured split by split and then added up: on each split's test rows (at most
/// <see cref="MaxRows"/>, a seeded sample), with the model fitted on that split's training rows, every importance
/// unit (an input column, or a block of pixels) is shuffled among the rows <see cref="Permutations"/> times and
/// the change of the metric recorded: Δ = metric(shuffled) − metric(as is). Permuting the raw input (not the
/// one-hot slots) keeps a categorical column one feature and leaves every fitted statistic untouched.
/// </summary>
/// <remarks>
/// Cost per split: (1 + units × permutations) × at most <see cref="MaxRows"/> rows scored. The shuffled copies are
/// stacked into views of up to <see cref="StackedRows"/> rows where the data can (tables), so the model's transforms
/// are built once per view rather than once per copy; each copy's metric is computed from its own rows, so the
/// figures are those of scoring the copies one by one.
/// </remarks>
internal sealed class PermutationImportance
{
    private readonly IEvaluationData _data;
    private readonly string _metric;
    private readonly List<double>[] _changes;
    private readonly Stopwatch _clock = new();
    private int _splits;
    private int _rowsUsed;

    /// <param name="stackedRows">Rows scored in one stacked view at most (bounds the memory of one scoring).</param>
    public PermutationImportance(IEvaluationData data, string metric, int maxRows, int permutations, int stackedRows = 65_536)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stackedRows, 1);
        _data = data;
        _metric = metric;
        MaxRows = maxRows;
        Permutations = permutations;
        StackedRows = stackedRows;
        _changes = [.. data.ImportanceUnits.Names.Select(_ => new List<double>())];
    }

    /// <summary>Largest number of test rows scored per split.</summary>
    public int MaxRows { get; }

    /// <summary>Shuffles per unit and split.</summary>
    public int Permutations { get; }

    /// <summary>Most rows scored in one stacked view (at least one shuffled copy per view).</summary>
    public int StackedRows { get; }

    /// <summary>
    /// Scores <paramref name="model"/> on (a sample of) <paramref name="testRows"/> with each unit shuffled: one
    /// split's share of the importance, part of that split's unit of work. Nothing is accumulated here; the
    /// reduction passes every split's result to <see cref="Add"/>.
    /// </summary>
    /// <returns>This split's metric changes per unit and the number of test rows scored.</returns>
    public (double[][] Changes, int Rows) Measure(ITransformer model, int[] testRows, int seed, CancellationToken cancellation)
    {
        _clock.Start();
        var rng = new Random(seed);
        var rows = testRows.Length <= MaxRows ? testRows : Sample(testRows, MaxRows, rng);
        var changes = _changes.Select(_ => new List<double>()).ToArray();
        var reference = Score(model, _data.Select(rows), rows);
        if (double.IsFinite(reference))
        {
            // Shuffled copies in the generator's order (unit by unit), scored a batch at a time: only one batch's
            // source rows are held, and each copy's shuffle is the one it got when copies were scored one by one.
            var perBatch = Math.Max(1, StackedRows / rows.Length);
            var batch = new List<(int Unit, int[] Sources)>(Math.Min(perBatch, changes.Length * Permutations));
            for (var unit = 0; unit < changes.Length; unit++)
            {
                for (var p = 0; p < Permutations; p++)
                {
                    var sources = (int[])rows.Clone();
                    rng.Shuffle(sources);
                    batch.Add((unit, sources));
                    if (batch.Count == perBatch)
                    {
                        AddBatch(model, rows, batch, reference, changes, cancellation);
                    }
                }
            }

            AddBatch(model, rows, batch, reference, changes, cancellation);
        }

        _clock.Stop();
        return ([.. changes.Select(c => c.ToArray())], rows.Length);
    }

    /// <summary>Adds one split's <see cref="Measure"/> result (measured now or by an earlier attempt of the run).</summary>
    public void Add(double[][] changes, int rowsUsed)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Length != _changes.Length)
        {
            throw new ArgumentException($"Stored importance has {changes.Length} units, this data {_changes.Length}.", nameof(changes));
        }

        for (var unit = 0; unit < changes.Length; unit++)
        {
            _changes[unit].AddRange(changes[unit]);
        }

        _rowsUsed = Math.Max(_rowsUsed, rowsUsed);
        _splits++;
    }

    /// <summary>The importances, most important first; null when no split gave a finite metric.</summary>
    public FeatureImportanceResult? Result()
    {
        if (_changes.All(c => c.Count == 0))
        {
            return null;
        }

        var units = _data.ImportanceUnits;
        var higherIsBetter = MetricDirections.For(_metric) == MetricDirection.HigherIsBetter;
        var entries = new List<FeatureImportanceEntry>(_changes.Length);
        for (var unit = 0; unit < _changes.Length; unit++)
        {
            var summary = MetricSummary.Of(_changes[unit]);
            var mean = _changes[unit].Count == 0 ? 0 : summary.Mean;
            entries.Add(new FeatureImportanceEntry
            {
                Feature = units.Names[unit],
                MeanChange = mean,
                Std = _changes[unit].Count == 0 ? 0 : summary.Std,
                Importance = higherIsBetter ? 0 - mean : mean, // 0 - x, not -x: no "-0.0000" for unused features
                GridRow = units.Grid is { } grid ? unit / grid.Columns : null,
                GridColumn = units.Grid is { } g ? unit % g.Columns : null,
            });
        }

        return new FeatureImportanceResult
        {
            Metric = _metric,
            RowsPerSplit = _rowsUsed,
            Permutations = Permutations,
            Splits = _splits,
            Unit = units.Unit,
            Grid = units.Grid,
            Seconds = _clock.Elapsed.TotalSeconds,
            Features = [.. entries.OrderByDescending(e => e.Importance).ThenBy(e => e.Feature, StringComparer.Ordinal)],
        };
    }

    /// <summary>Scores the shuffled copies in <paramref name="batch"/>, adds their finite changes to <paramref name="changes"/>, empties it.</summary>
    private void AddBatch(
        ITransformer model, int[] rows, List<(int Unit, int[] Sources)> batch, double reference, List<double>[] changes, CancellationToken cancellation)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var scores = ScoreBlocks(model, rows, batch, cancellation);
        for (var b = 0; b < batch.Count; b++)
        {
            if (double.IsFinite(scores[b]))
            {
                changes[batch[b].Unit].Add(scores[b] - reference);
            }
        }

        batch.Clear();
    }

    /// <summary>The metric of each block: stacked in one view when the data can, else one view per block.</summary>
    private double[] ScoreBlocks(ITransformer model, int[] rows, List<(int Unit, int[] Sources)> blocks, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        if (_data.PermuteBlocks(rows, blocks) is not { } stacked)
        {
            var scores = new double[blocks.Count];
            for (var b = 0; b < blocks.Count; b++)
            {
                cancellation.ThrowIfCancellationRequested();
                scores[b] = Score(model, _data.Permute(rows, blocks[b].Unit, blocks[b].Sources), rows);
            }

            return scores;
        }

        var scored = ScoredRows.Read(model.Transform(stacked), _data.Label.Task);
        return [.. blocks.Select((_, b) => scored.Slice(b * rows.Length, rows.Length).Metrics(_data.Label, rows).GetValueOrDefault(_metric, double.NaN))];
    }

    private double Score(ITransformer model, IDataView view, int[] rows) =>
        ScoredRows.Read(model.Transform(view), _data.Label.Task).Metrics(_data.Label, rows).GetValueOrDefault(_metric, double.NaN);

    /// <summary>A seeded sample of <paramref name="count"/> rows, in row order.</summary>
    private static int[] Sample(int[] rows, int count, Random rng)
    {
        var copy = (int[])rows.Clone();
        rng.Shuffle(copy);
        var sample = copy[..count];
        Array.Sort(sample);
        return sample;
    }
}
