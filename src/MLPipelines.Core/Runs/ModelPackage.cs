using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Data;
using MLPipelines.Results;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Saves and loads model zips. A zip holds the fitted chain (preprocessing, trainer, <c>Prediction</c> mapping)
/// together with an ML.NET <see cref="TextLoader"/> for files laid out like the training file, so plain ML.NET can
/// use it either way:
/// <code>
/// var model = ml.Model.Load("models/lightgbm.zip", out var inputSchema);          // transformer + input schema
/// var model = ml.Model.LoadWithDataLoader("models/lightgbm.zip", out var loader); // ...or with the CSV loader
/// var scored = model.Transform(loader.Load("new.csv"));                           // Prediction, Score, ...
/// </code>
/// The loader reads numeric columns as floats (missing = NaN) and the others as text; the model's first stage turns
/// missing-value tokens in text columns into empty text, so both routes predict alike.
/// </summary>
public static class ModelPackage
{
    /// <summary>Zip entry holding <see cref="ModelMetadata"/> as JSON.</summary>
    public const string MetadataEntry = "MLPipelines/model.json";

    /// <summary>Writes <paramref name="model"/>, a loader for <paramref name="dataset"/>'s file layout and metadata.</summary>
    public static void Save(MLContext ml, ITransformer model, TabularDataset dataset, ModelMetadata metadata, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(dataset);
        var loader = CreateLoader(ml, dataset);
        ml.Model.Save(model, loader, path);
        AddMetadata(metadata, path);
    }

    /// <summary>
    /// Writes <paramref name="model"/> with its input schema and metadata, for data that is not read from a text
    /// file (images: <c>Label</c> and the <c>Features</c> pixel vector); load it with <c>ml.Model.Load(path, out schema)</c>.
    /// </summary>
    public static void Save(MLContext ml, ITransformer model, DataViewSchema inputSchema, ModelMetadata metadata, string path)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ml.Model.Save(model, inputSchema, path);
        AddMetadata(metadata, path);
    }

    private static void AddMetadata(ModelMetadata metadata, string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.CreateEntry(MetadataEntry);
        using var stream = entry.Open();
        JsonSerializer.Serialize(stream, metadata, ResultsJson.Options);
    }

    /// <summary>The metadata entry of a zip, or null for zips not written by MLPipelines.</summary>
    public static ModelMetadata? ReadMetadata(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entry = zip.GetEntry(MetadataEntry);
        if (entry is null)
        {
            return null;
        }

        using var stream = entry.Open();
        return JsonSerializer.Deserialize<ModelMetadata>(stream, ResultsJson.Options);
    }

    /// <summary>Input columns of the model as <see cref="ModelInputColumn"/>s.</summary>
    public static IReadOnlyList<ModelInputColumn> Inputs(TabularDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return [.. dataset.Schema.Features.Select(c => new ModelInputColumn(TabularDataset.ViewName(c), c.Name, c.IsNumberInFile))];
    }

    private static TextLoader CreateLoader(MLContext ml, TabularDataset dataset)
    {
        var columns = dataset.Schema.Features
            .Select(c => new TextLoader.Column(TabularDataset.ViewName(c), c.IsNumberInFile ? DataKind.Single : DataKind.String, c.Index))
            .ToArray();
        return ml.Data.CreateTextLoader(new TextLoader.Options
        {
            Columns = columns,
            Separators = [dataset.Table.Separator],
            HasHeader = true,
            AllowQuoting = true,
            TrimWhitespace = true,
            MissingRealsAsNaNs = true,
        });
    }
}
