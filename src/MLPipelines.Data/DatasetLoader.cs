using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Data;

/// <summary>
/// Reads the data a pipeline names: the file, the schema (inference plus <c>data.columns</c> overrides) and the
/// label. Rows whose label is missing are dropped and counted (a warning, not an error: the other rows are still
/// good training data).
/// </summary>
public static class DatasetLoader
{
    /// <summary>Loads <c>spec.data</c>.</summary>
    /// <exception cref="DataFileException">Unreadable file or bad values; a label that contradicts a spec key carries the key (<see cref="DataFileException.KeyPath"/>) and no position yet (<see cref="PipelineSpec.Locate"/>).</exception>
    /// <exception cref="SpecException">The label or an overridden column is not in the file (reported at its spec key).</exception>
    public static TabularDataset Load(PipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var data = spec.Data;
        var display = Spec.DisplayPath.Of(data.Path);
        var missing = new MissingValueSet(data.MissingValues);
        var overrides = new SchemaOverrides
        {
            Label = data.Label,
            Ignore = data.Columns.Ignore,
            Categorical = data.Columns.Categorical,
            Numeric = data.Columns.Numeric,
        };
        var (table, schema, numbers) = ReadLarge(spec, display, overrides, missing) ?? ReadWhole(spec, display, overrides, missing);
        var label = LabelEncoder.Encode(table, table.IndexOf(data.Label), data.Task, data.LabelTransform, missing, data.PositiveClass);
        if (schema.Features.Count == 0)
        {
            throw DataFileException.File(display,
                "no column is usable as a feature (all are ignored, constant or text); see `mlpipe describe` for the inferred schema");
        }

        return new TabularDataset(table, schema, label, missing, numbers);
    }

    private static (CsvTable, DataSchema, IReadOnlyDictionary<int, float[]>?) ReadWhole(
        PipelineSpec spec, string display, SchemaOverrides overrides, MissingValueSet missing)
    {
        var table = CsvTable.Read(display, spec.Data.Separator);
        CheckColumns(spec, table.Header, display);
        return (table, SchemaInferrer.Infer(table, overrides, missing), null);
    }

    /// <summary>A large file streamed (<see cref="StreamingTableLoader"/>), or null to read it whole (small, or any doubt).</summary>
    private static (CsvTable, DataSchema, IReadOnlyDictionary<int, float[]>?)? ReadLarge(
        PipelineSpec spec, string display, SchemaOverrides overrides, MissingValueSet missing)
    {
        try
        {
            if (!File.Exists(display) || new FileInfo(display).Length < StreamingTableLoader.MinBytes)
            {
                return null;
            }

            // A header error is reported after the file was read, as the whole-file path does: that path decides.
            CheckColumns(spec, CsvTable.ReadHeader(display, spec.Data.Separator), display);
        }
        catch (Exception e) when (e is SpecException or DataFileException or IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return StreamingTableLoader.TryLoad(display, spec.Data.Separator, overrides, missing) is var (table, schema, numbers)
            ? (table, schema, numbers)
            : null;
    }

    /// <summary>
    /// Checks, from the header alone, that the label and every overridden column exist (for <c>mlpipe validate</c>
    /// and before a run reads any data). Messages point at the spec key.
    /// </summary>
    public static void CheckHeader(PipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var display = Spec.DisplayPath.Of(spec.Data.Path);
        CheckColumns(spec, CsvTable.ReadHeader(display, spec.Data.Separator), display);
    }

    private static void CheckColumns(PipelineSpec spec, IReadOnlyList<string> header, string display)
    {
        var data = spec.Data;
        if (!header.Contains(data.Label))
        {
            throw SpecException.ForKey(spec, "data.label",
                $"column '{data.Label}' is not in the header of {display}" + NameSuggester.DidYouMean(data.Label, header));
        }

        foreach (var (key, names) in new[]
                 {
                     ("data.columns.ignore", data.Columns.Ignore),
                     ("data.columns.categorical", data.Columns.Categorical),
                     ("data.columns.numeric", data.Columns.Numeric),
                 })
        {
            for (var i = 0; i < names.Count; i++)
            {
                var path = $"{key}[{i}]";
                if (!header.Contains(names[i]))
                {
                    throw SpecException.ForKey(spec, path,
                        $"column '{names[i]}' is not in the header of {display}" + NameSuggester.DidYouMean(names[i], header));
                }

                if (names[i] == data.Label)
                {
                    throw SpecException.ForKey(spec, path, $"'{names[i]}' is the label column (data.label)");
                }
            }
        }
    }
}
