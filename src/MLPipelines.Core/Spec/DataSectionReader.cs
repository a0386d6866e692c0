namespace MLPipelines.Core.Spec;

/// <summary>Binds the read <c>data:</c> section onto <see cref="DataSpec"/> and checks what spans keys or touches the disk.</summary>
internal static class DataSectionReader
{
    public static DataSpec Bind(KeyedValues data, string baseDirectory, SpecReadContext context)
    {
        var spec = new DataSpec
        {
            Label = data.GetOrNull<string>("label") ?? "",
            Task = data.GetOrNull<string>("task") is { } task ? YamlNames.Task(task) : null,
            LabelTransform = YamlNames.Transform(data.Get<string>("label_transform")),
            MissingValues = data.Get<List<string>>("missing_values"),
        };

        if (data.IsWritten("path") && data.IsValid("path"))
        {
            spec.Path = ResolvePath(data.Get<string>("path"), baseDirectory, data, context);
        }

        if (data.IsWritten("label") && data.IsValid("label") && spec.Label.Length == 0)
        {
            context.Error(data.Written["label"], data.PathOf("label"), "must name a column, got an empty string");
        }

        if (data.IsWritten("separator") && data.IsValid("separator"))
        {
            spec.Separator = ReadSeparator(data.Get<string>("separator"), data, context);
        }

        spec.Columns = BindColumns(data.Sections["columns"], spec.Label, context);
        return spec;
    }

    private static string ResolvePath(string path, string baseDirectory, KeyedValues data, SpecReadContext context)
    {
        var node = data.Written["path"];
        if (path.Trim().Length == 0)
        {
            context.Error(node, data.PathOf("path"), "must name a file, got an empty string");
            return "";
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, path));
        if (File.Exists(full))
        {
            return full;
        }

        if (Directory.Exists(full))
        {
            context.Error(node, data.PathOf("path"), $"'{path}' is a directory ({full}); expected a CSV or TSV file");
            return full;
        }

        var folder = Path.GetDirectoryName(full);
        var hint = "";
        if (folder is not null && Directory.Exists(folder))
        {
            var siblings = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
            hint = NameSuggester.DidYouMean(Path.GetFileName(full), siblings);
        }
        else
        {
            hint = $" (folder {folder} does not exist either)";
        }

        var relative = Path.IsPathRooted(path) ? "" : $"; relative paths are resolved against {baseDirectory}";
        context.Error(node, data.PathOf("path"), $"file not found: {full}{relative}{hint}");
        return full;
    }

    private static char? ReadSeparator(string text, KeyedValues data, SpecReadContext context)
    {
        switch (text)
        {
            case "auto":
                return null;
            case "tab" or "\t":
                return '\t';
            case { Length: 1 } when text[0] is not ('"' or '\n' or '\r'):
                return text[0];
            default:
                context.Error(data.Written["separator"], data.PathOf("separator"),
                    $"must be auto, tab or one character such as ',' or ';', got '{text}'");
                return null;
        }
    }

    private static ColumnOverrides BindColumns(KeyedValues columns, string label, SpecReadContext context)
    {
        var overrides = new ColumnOverrides
        {
            Ignore = columns.Get<List<string>>("ignore"),
            Categorical = columns.Get<List<string>>("categorical"),
            Numeric = columns.Get<List<string>>("numeric"),
        };

        var firstPathOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (listName, names) in new[] { ("ignore", overrides.Ignore), ("categorical", overrides.Categorical), ("numeric", overrides.Numeric) })
        {
            if (!columns.IsWritten(listName) || !columns.IsValid(listName))
            {
                continue;
            }

            var listPath = columns.PathOf(listName);
            for (var i = 0; i < names.Count; i++)
            {
                var itemPath = SpecReadContext.Item(listPath, i);
                if (!firstPathOf.TryAdd(names[i], itemPath))
                {
                    context.Error(context.LocationOf(itemPath), itemPath,
                        $"column '{names[i]}' is already listed at {firstPathOf[names[i]]}; a column may appear in one list only");
                }
                else if (listName == "ignore" && names[i] == label)
                {
                    context.Error(context.LocationOf(itemPath), itemPath, $"'{label}' is the label column and cannot be ignored");
                }
            }
        }

        return overrides;
    }
}
