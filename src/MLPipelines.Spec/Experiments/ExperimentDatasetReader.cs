using System.Text.RegularExpressions;
using MLPipelines.Spec.Declarations;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec.Experiments;

/// <summary>A dataset entry read from an experiment file: its name, its data, and where its keys were written.</summary>
/// <param name="Name">Dataset name.</param>
/// <param name="Data">The bound data section.</param>
/// <param name="Preprocessing">A <c>spec:</c> dataset's own preprocessing list; null for inline data.</param>
/// <param name="Locations">Key positions to add to the dataset's pipeline (a <c>spec:</c> file's <c>data.*</c> keys).</param>
internal sealed record ExperimentDatasetEntry(
    string Name, DataSpec Data, List<PreprocessingStepSpec>? Preprocessing, IReadOnlyDictionary<string, SourceLocation> Locations);

/// <summary>
/// Reads one <c>datasets:</c> entry: a mapping with <c>spec: FILE</c> or <c>data: {...}</c> (and an optional
/// <c>name</c>), or a bare string, short for <c>{spec: FILE}</c>.
/// </summary>
internal static class ExperimentDatasetReader
{
    public static ExperimentDatasetEntry? Read(YamlNode item, string path, string baseDirectory, ITrainerCatalog registry, SpecReadContext context)
    {
        if (item is YamlScalarNode { Value: { Length: > 0 } file } scalar && !MapReader.IsNull(scalar))
        {
            context.Remember(SpecReadContext.Child(path, "spec"), scalar);
            return FromSpec(file, scalar, SpecReadContext.Child(path, "spec"), null, baseDirectory, registry, context);
        }

        if (item is not YamlMappingNode)
        {
            context.Error(item, path, $"expected a dataset, e.g. '- {{spec: ../iris.yaml}}' or '- {{name: iris, data: {{path: iris.csv, label: target}}}}', got {ScalarValue.Describe(item)}");
            return null;
        }

        var values = MapReader.Read(item, path, context.At(item), ExperimentFormat.DatasetKeys,
            new UnknownKeyWording("unknown key of a dataset", "expected one of"), context);
        var name = values.IsWritten("name") && values.IsValid("name") ? values.GetOrNull<string>("name") : null;
        var hasSpec = values.IsWritten("spec");
        var hasData = values.IsWritten("data");
        if (hasSpec && hasData)
        {
            context.Error(values.Written["spec"], values.PathOf("spec"), "give either spec (a pipeline file) or data (a data section), not both");
            return null;
        }

        if (hasSpec)
        {
            return values.IsValid("spec")
                ? FromSpec(values.Get<string>("spec"), values.Written["spec"], values.PathOf("spec"), name, baseDirectory, registry, context)
                : null;
        }

        if (!hasData)
        {
            context.Error(item, path, "a dataset needs spec (a pipeline file) or data (a data section, as in a pipeline)");
            return null;
        }

        var data = DataSectionReader.Bind(values.Sections["data"], true, baseDirectory, context);
        if (data.Test is not null)
        {
            var testPath = SpecReadContext.Child(values.PathOf("data"), "test");
            context.Error(context.LocationOf(testPath), testPath,
                "experiments split every dataset with their evaluation (kfold or holdout), so a separate test set is not used; remove data.test (or give the images as one set)");
        }

        var defaultName = data.Kind == DataKind.Images ? data.TrainingImages?.Images ?? "" : data.Path;
        return new ExperimentDatasetEntry(name ?? SafeName(defaultName), data, null, new Dictionary<string, SourceLocation>());
    }

    private static ExperimentDatasetEntry? FromSpec(
        string file, YamlNode node, string path, string? name, string baseDirectory, ITrainerCatalog registry, SpecReadContext context)
    {
        var full = Path.GetFullPath(Path.Combine(baseDirectory, file));
        if (!File.Exists(full))
        {
            context.Error(node, path, $"pipeline file not found: {full}");
            return null;
        }

        PipelineSpec pipeline;
        try
        {
            pipeline = new SpecLoader(registry).Load(DisplayPath.Of(full));
        }
        catch (SpecException e)
        {
            context.Errors.AddRange(e.Errors);
            return null;
        }

        if (pipeline.Data.Test is not null)
        {
            context.Error(node, path,
                $"{file} has a separate test set (data.test); experiments split every dataset with their evaluation (kfold or holdout), so use a pipeline without data.test");
            return null;
        }

        var locations = pipeline.Locations
            .Where(kv => kv.Key == "data" || kv.Key.StartsWith("data.", StringComparison.Ordinal) || kv.Key.StartsWith("preprocessing", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new ExperimentDatasetEntry(name ?? pipeline.Name, pipeline.Data, pipeline.Preprocessing, locations);
    }

    /// <summary>A file name turned into a dataset name (<see cref="SpecFormat.NamePattern"/>): its stem with other characters as '-'.</summary>
    private static string SafeName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\'));
        if (stem.EndsWith("-idx3-ubyte", StringComparison.Ordinal))
        {
            stem = Path.GetFileName(Path.GetDirectoryName(path)) ?? stem;
        }

        var safe = Regex.Replace(stem, "[^A-Za-z0-9._-]", "-").TrimStart('.', '_', '-');
        return safe.Length == 0 ? "dataset" : safe.Length > 64 ? safe[..64] : safe;
    }
}
