using MLPipelines.Results;

namespace MLPipelines.Spec;

/// <summary>
/// Binds the read <c>data:</c> section onto <see cref="DataSpec"/> and checks what spans keys or touches the disk:
/// which keys apply to the kind of data (<see cref="SpecKey.DataFormats"/>), which are required for it, and that
/// every file or folder named exists.
/// </summary>
internal static class DataSectionReader
{
    public static DataSpec Bind(KeyedValues data, bool written, string baseDirectory, SpecReadContext context)
    {
        var spec = new DataSpec
        {
            Kind = YamlNames.Kind(data.Get<string>("kind")),
            Format = data.GetOrNull<string>("format") is { } format ? YamlNames.Format(format) : null,
            Label = data.GetOrNull<string>("label") ?? "",
            Task = data.GetOrNull<string>("task") is { } task ? YamlNames.Task(task) : null,
            LabelTransform = YamlNames.Transform(data.Get<string>("label_transform")),
            PositiveClass = data.GetOrNull<string>("positive_class"),
            MissingValues = data.Get<List<string>>("missing_values"),
            Classes = data.Get<List<string>>("classes"),
            PixelMax = data.Get<double>("pixel_max"),
            SkipUnreadable = data.Get<bool>("skip_unreadable"),
        };
        if (spec.Kind == DataKind.Tabular)
        {
            spec = spec with { Format = null };
        }

        var formatName = YamlNames.FormatName(spec);
        var known = spec.Kind == DataKind.Tabular || spec.Format is not null;
        if (known)
        {
            CheckApplicable(data, SpecFormat.Data.Children, formatName, context);
        }

        if (written && known)
        {
            CheckRequired(data, formatName, context);
        }
        else if (written && spec.Kind == DataKind.Images && !data.IsWritten("format"))
        {
            var formatKey = SpecFormat.Data.Children.Single(k => k.Name == "format");
            context.Error(data.Location, data.PathOf("format"), $"required key 'format' is missing (one of {string.Join(", ", formatKey.Allowed)})");
        }

        bool Applies(string key) =>
            known && data.IsWritten(key) && data.IsValid(key) && Fits(SpecFormat.Data.Children.Single(k => k.Name == key), formatName);

        if (Applies("path"))
        {
            var expectFolder = spec.Format == ImageFormat.Folders;
            spec = spec with { Path = ImagePaths.Resolve(data.Get<string>("path"), data.Written["path"], data.PathOf("path"), expectFolder, baseDirectory, context) };
        }

        if (spec.Kind == DataKind.Images && spec.Format is { } imageFormat)
        {
            spec = spec with { Train = Applies("train") ? ImagePaths.ReadSet(data.Written["train"], data.PathOf("train"), imageFormat, baseDirectory, context) : null };
            spec = spec with { Test = Applies("test") ? ImagePaths.ReadSet(data.Written["test"], data.PathOf("test"), imageFormat, baseDirectory, context) : null };
            CheckSets(data, imageFormat, context);
        }

        if (Applies("label") && spec.Label.Length == 0)
        {
            context.Error(data.Written["label"], data.PathOf("label"), "must name a column, got an empty string");
        }

        if (Applies("separator"))
        {
            spec = spec with { Separator = ReadSeparator(data.Get<string>("separator"), data, context) };
        }

        if (Applies("classes"))
        {
            CheckClasses(spec.Classes, data.PathOf("classes"), context);
        }

        spec = spec with { Columns = Applies("columns") ? BindColumns(data.Sections["columns"], spec.Label, context) : new ColumnOverrides() };
        spec = spec with { Image = Applies("image") ? BindImage(data.Sections["image"], context) : new ImageSpec() };
        if (spec.Kind == DataKind.Images && spec.Task == TaskKind.Regression && data.IsValid("task"))
        {
            context.Error(data.Written["task"], data.PathOf("task"),
                "image data is classified: the task is binary (two classes) or multiclass, not regression");
        }

        return spec;
    }

    /// <summary>True when <paramref name="key"/> applies to data of kind <paramref name="formatName"/>.</summary>
    public static bool Fits(SpecKey key, string formatName) => key.DataFormats.Count == 0 || key.DataFormats.Contains(formatName);

    /// <summary>Written keys (and keys of written sections) that do not apply to this kind of data are errors.</summary>
    private static void CheckApplicable(KeyedValues section, IReadOnlyList<SpecKey> keys, string formatName, SpecReadContext context)
    {
        foreach (var key in keys.Where(k => section.IsWritten(k.Name)))
        {
            var path = section.PathOf(key.Name);
            if (!Fits(key, formatName))
            {
                context.Error(context.LocationOf(path), path, NotApplicable(key, formatName));
                continue;
            }

            if (key.Kind == SpecValueKind.Section && section.Sections.TryGetValue(key.Name, out var child))
            {
                CheckApplicable(child, key.Children, formatName, context);
            }
        }
    }

    private static string NotApplicable(SpecKey key, string formatName)
    {
        if (key.Name == "path" && formatName == "idx")
        {
            return "IDX data comes as two files per set; write train: {images: FILE, labels: FILE} (and test: ...) instead of path";
        }

        if (formatName == SpecFormat.Tabular)
        {
            return $"applies only to image data ({Formats(key)}); set data.kind: images, or remove it";
        }

        if (!key.DataFormats.Any(f => f != SpecFormat.Tabular))
        {
            return $"applies only to tabular data, and data.kind is images; remove it";
        }

        return $"applies only to {Formats(key)}, and data.format is {formatName}; remove it";
    }

    private static string Formats(SpecKey key)
    {
        var images = key.DataFormats.Where(f => f != SpecFormat.Tabular).ToList();
        return images.Count == 3 ? "data.kind: images" : $"data.format: {string.Join(" or ", images)}";
    }

    private static void CheckRequired(KeyedValues data, string formatName, SpecReadContext context)
    {
        foreach (var key in SpecFormat.Data.Children.Where(k => k.RequiredFor.Contains(formatName) && !data.IsWritten(k.Name)))
        {
            var hint = key.Name == "format" ? $" (one of {string.Join(", ", key.Allowed)})" : "";
            context.Error(data.Location, data.PathOf(key.Name), $"required key '{key.Name}' is missing{hint}");
        }
    }

    /// <summary>Folders and CSV pixels take one set (path) or a training set (train) and maybe a test set.</summary>
    private static void CheckSets(KeyedValues data, ImageFormat format, SpecReadContext context)
    {
        if (format == ImageFormat.Idx)
        {
            return;
        }

        if (data.IsWritten("path") && data.IsWritten("train"))
        {
            context.Error(context.LocationOf(data.PathOf("train")), data.PathOf("train"),
                "give either path (one set, split by kfold or holdout) or train (with an optional test), not both");
        }
        else if (data.IsWritten("path") && data.IsWritten("test"))
        {
            context.Error(context.LocationOf(data.PathOf("test")), data.PathOf("test"),
                "a test set goes with train, not path: write the training set as train");
        }
        else if (!data.IsWritten("path") && !data.IsWritten("train"))
        {
            context.Error(data.Location, data.PathOf("path"),
                "required key 'path' is missing (or give the training set as train, with an optional test)");
        }
    }

    private static void CheckClasses(List<string> classes, string path, SpecReadContext context)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < classes.Count; i++)
        {
            var itemPath = SpecReadContext.Item(path, i);
            if (classes[i].Trim().Length == 0)
            {
                context.Error(context.LocationOf(itemPath), itemPath, "a class name must not be empty");
            }
            else if (!first.TryAdd(classes[i], i))
            {
                context.Error(context.LocationOf(itemPath), itemPath, $"'{classes[i]}' is already class {first[classes[i]]}; class names must be unique");
            }
        }
    }

    private static ImageSpec BindImage(KeyedValues image, SpecReadContext context)
    {
        var spec = new ImageSpec
        {
            Width = image.Values["width"] is long width ? (int)width : null,
            Height = image.Values["height"] is long height ? (int)height : null,
            Channels = image.Values["channels"] is long channels ? (int)channels : null,
            Resize = YamlNames.Resize(image.Get<string>("resize")),
        };
        if (spec.Channels == 2)
        {
            context.Error(image.Written["channels"], image.PathOf("channels"), "must be 1 (grayscale) or 3 (RGB), got 2");
        }

        if (image.IsWritten("width") != image.IsWritten("height"))
        {
            var missing = image.IsWritten("width") ? "height" : "width";
            var given = missing == "width" ? "height" : "width";
            context.Error(context.LocationOf(image.PathOf(given)), image.PathOf(given), $"give {missing} too: width and height go together");
        }

        return spec;
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
