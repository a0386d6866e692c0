using Microsoft.ML;
using MLPipelines.Data;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// What the runner needs from a dataset, tabular or images, so evaluation, predictions, permutation importance
/// and results are written once: rows addressed by index (the space every <see cref="Evaluation.FoldSplit"/>
/// indexes), their labels, ML.NET views of any subset, the preprocessing, and how to permute one feature.
/// </summary>
internal interface IEvaluationData
{
    /// <summary>Label of every row (class index, or value), with the task and classes.</summary>
    LabelInfo Label { get; }

    /// <summary>Number of rows (tabular: labelled rows; images: training images, then test images for test_set).</summary>
    int RowCount { get; }

    /// <summary>The rows in <paramref name="rows"/> as an ML.NET view (<c>Label</c> plus the raw inputs).</summary>
    IDataView Select(int[] rows);

    /// <summary>Every row (the final fit).</summary>
    IDataView All { get; }

    /// <summary>The preprocessing of one model for one fit.</summary>
    FeatureChain BuildFeatures(MLContext ml, IReadOnlyList<PreprocessingStepSpec> steps, string trainerFamily, string stepsKey);

    /// <summary>1-based row of the data file (tabular) or image number within its set (images), for predictions.</summary>
    int RowNumber(int row);

    /// <summary>Where a row came from (images: file, or file and index); null for tabular data.</summary>
    string? SourceOf(int row);

    /// <summary>True when <see cref="SourceOf"/> gives something (images).</summary>
    bool HasSources { get; }

    /// <summary>The units permutation importance shuffles: input columns, or blocks of pixel positions.</summary>
    ImportanceUnits ImportanceUnits { get; }

    /// <summary>
    /// The rows <paramref name="rows"/> with the values of importance unit <paramref name="unit"/> taken from
    /// rows <paramref name="sources"/> (aligned with <paramref name="rows"/>), every other input unchanged.
    /// </summary>
    IDataView Permute(int[] rows, int unit, int[] sources);

    /// <summary>
    /// Several <see cref="Permute"/> views one after the other in one view (block <c>b</c>: unit
    /// <paramref name="blocks"/>[b].Unit from <paramref name="blocks"/>[b].Sources), so a model is applied once for
    /// all of them; null when the data has no such view (each block is then scored on its own).
    /// </summary>
    IDataView? PermuteBlocks(int[] rows, IReadOnlyList<(int Unit, int[] Sources)> blocks) => null;

    /// <summary>The <c>dataset</c> block of results.json.</summary>
    DatasetResult Describe(PipelineSpec spec);

    /// <summary>One line for the progress display, e.g. <c>iris.csv: 150 rows, 4 features, multiclass (...)</c>.</summary>
    string Summary { get; }

    /// <summary>What the user should know about the data (ignored columns, dropped rows, skipped images).</summary>
    IReadOnlyList<string> Warnings { get; }

    /// <summary>Saves a fitted model with what plain ML.NET and <c>mlpipe predict</c> need to use it.</summary>
    void SaveModel(MLContext ml, ITransformer model, ModelMetadata metadata, string path);

    /// <summary>The data part of a model's metadata (label, classes, inputs).</summary>
    ModelMetadata Metadata(PipelineSpec spec);
}
