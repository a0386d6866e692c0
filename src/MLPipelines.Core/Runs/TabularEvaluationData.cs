using Microsoft.ML;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>A CSV/TSV table as the runner sees it: labelled rows, schema-driven preprocessing, one importance unit per input column.</summary>
internal sealed class TabularEvaluationData : IEvaluationData
{
    private readonly TabularDataset _dataset;
    private readonly List<string> _warnings;
    private readonly string[] _viewNames;

    public TabularEvaluationData(TabularDataset dataset)
    {
        _dataset = dataset;
        _warnings = [.. dataset.Schema.Warnings];
        foreach (var column in dataset.Schema.Columns.Where(c => c.Kind is ColumnKind.Text or ColumnKind.Constant))
        {
            _warnings.Add($"column '{column.Name}' is not used: {column.Reason}");
        }

        if (dataset.Label.DroppedMissing > 0)
        {
            _warnings.Add($"{dataset.Label.DroppedMissing} row(s) without a label value were dropped");
        }

        var features = dataset.Schema.Features;
        ImportanceUnits = new ImportanceUnits([.. features.Select(c => c.Name)], "columns", null);
        _viewNames = [.. features.Select(TabularDataset.ViewName)];
    }

    public TabularDataset Dataset => _dataset;

    public LabelInfo Label => _dataset.Label;

    public int RowCount => _dataset.RowCount;

    public IDataView All => _dataset.View;

    public bool HasSources => false;

    public ImportanceUnits ImportanceUnits { get; }

    public IReadOnlyList<string> Warnings => _warnings;

    public string Summary =>
        $"{_dataset.Table.Path}: {RowCount} rows, {_dataset.Schema.Features.Count} features, {Label.Task.ToString().ToLowerInvariant()} ({Label.TaskReason})";

    public IDataView Select(int[] rows) => _dataset.View.Select(rows);

    public FeatureChain BuildFeatures(MLContext ml, IReadOnlyList<PreprocessingStepSpec> steps, string trainerFamily, string stepsKey)
    {
        var features = FeaturePipelineBuilder.Build(ml, _dataset.Schema, _dataset.Missing, steps, trainerFamily, stepsKey);
        return new FeatureChain(features.Estimator, features.Normalized, features.Steps, null, Cache: true);
    }

    public int RowNumber(int row) => _dataset.FileRow(row);

    public string? SourceOf(int row) => null;

    public IDataView Permute(int[] rows, int unit, int[] sources) => _dataset.View.WithColumnFrom(_viewNames[unit], rows, sources);

    public IDataView PermuteBlocks(int[] rows, IReadOnlyList<(int Unit, int[] Sources)> blocks) =>
        _dataset.View.WithColumnsFrom(rows, [.. blocks.Select(b => (_viewNames[b.Unit], b.Sources))]);

    public void SaveModel(MLContext ml, ITransformer model, ModelMetadata metadata, string path) => ModelPackage.Save(ml, model, _dataset, metadata, path);

    public ModelMetadata Metadata(PipelineSpec spec) => new()
    {
        Pipeline = spec.Name,
        Task = Label.Task.ToString().ToLowerInvariant(),
        Label = spec.Data.Label,
        Classes = Label.Classes,
        LabelTransform = Label.Transform == LabelTransform.Log ? "log" : "none",
        Inputs = ModelPackage.Inputs(_dataset),
        MissingValues = _dataset.Missing.Tokens,
        TrainingRows = RowCount,
    };

    public DatasetResult Describe(PipelineSpec spec)
    {
        var label = Label;
        return new DatasetResult
        {
            Path = _dataset.Table.Path,
            Rows = RowCount,
            Features = _dataset.Schema.Features.Count,
            Kind = "tabular",
            Label = spec.Data.Label,
            Classes = label.Classes,
            ClassCounts = label.ClassCount == 0 ? [] : [.. label.Classes.Select((_, k) => label.ClassIndex.Count(i => i == k))],
            PositiveClass = label.PositiveClass,
            LabelTransform = label.Transform == LabelTransform.Log ? "log" : "none",
            RowsDroppedMissingLabel = label.DroppedMissing,
            LabelSummary = label.Task == TaskKind.Regression ? LabelSummary(label) : null,
            Columns = [.. _dataset.Schema.Columns.Select(c => new ColumnResult
            {
                Name = c.Name,
                Kind = c.Kind.ToString().ToLowerInvariant(),
                Missing = c.Missing,
                Distinct = c.Distinct,
                Reason = c.Reason,
                Numeric = c.Range is { } r ? new NumericSummaryResult(r.Min, r.Mean, c.Std ?? 0, r.Max) : null,
                Top = [.. c.Top.Select(t => new ValueCountResult(t.Value, t.Count))],
            })],
        };
    }

    /// <summary>The label on the file's scale (the original text parsed, so a log label is summarized in its own units).</summary>
    private static NumericSummaryResult? LabelSummary(LabelInfo label)
    {
        var values = label.Original
            .Select(t => SchemaInferrer.TryParseNumber(t, out var v) ? v : double.NaN)
            .Where(double.IsFinite)
            .ToList();
        if (values.Count == 0)
        {
            return null;
        }

        var mean = values.Average();
        var std = values.Count < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new NumericSummaryResult(values.Min(), mean, std, values.Max());
    }
}
