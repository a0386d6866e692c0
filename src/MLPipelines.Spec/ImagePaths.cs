using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>Resolves the files and folders a <c>data:</c> section names, checking that each exists, with "did you mean".</summary>
internal static class ImagePaths
{
    /// <summary>
    /// The absolute path of <paramref name="text"/> (relative to <paramref name="baseDirectory"/>); records an error at
    /// <paramref name="node"/> when it does not exist or is a file where a folder is expected (or the reverse).
    /// </summary>
    public static string Resolve(string text, YamlNode node, string keyPath, bool expectFolder, string baseDirectory, SpecReadContext context)
    {
        if (text.Trim().Length == 0)
        {
            context.Error(node, keyPath, $"must name a {(expectFolder ? "folder" : "file")}, got an empty string");
            return "";
        }

        var full = Path.GetFullPath(Path.Combine(baseDirectory, text));
        if (expectFolder ? Directory.Exists(full) : File.Exists(full))
        {
            return full;
        }

        if (expectFolder && File.Exists(full))
        {
            context.Error(node, keyPath, $"'{text}' is a file ({full}); expected a folder with one subfolder of images per class");
            return full;
        }

        if (!expectFolder && Directory.Exists(full))
        {
            var what = keyPath.EndsWith(".images", StringComparison.Ordinal) || keyPath.EndsWith(".labels", StringComparison.Ordinal)
                ? "an IDX file"
                : "a CSV or TSV file";
            context.Error(node, keyPath, $"'{text}' is a directory ({full}); expected {what}");
            return full;
        }

        var folder = Path.GetDirectoryName(full);
        string hint;
        if (folder is not null && Directory.Exists(folder))
        {
            var siblings = (expectFolder ? Directory.EnumerateDirectories(folder) : Directory.EnumerateFiles(folder))
                .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
            hint = NameSuggester.DidYouMean(Path.GetFileName(full), siblings);
        }
        else
        {
            hint = $" (folder {folder} does not exist either)";
        }

        var relative = Path.IsPathRooted(text) ? "" : $"; relative paths are resolved against {baseDirectory}";
        context.Error(node, keyPath, $"{(expectFolder ? "folder" : "file")} not found: {full}{relative}{hint}");
        return full;
    }

    /// <summary>Reads <c>data.train</c> or <c>data.test</c>: <c>{images, labels}</c> for IDX, else a path.</summary>
    public static ImageSetSpec? ReadSet(YamlNode node, string keyPath, ImageFormat format, string baseDirectory, SpecReadContext context)
    {
        if (format == ImageFormat.Idx)
        {
            if (node is not YamlMappingNode)
            {
                context.Error(node, keyPath, $"expected {{images: FILE, labels: FILE}} (IDX comes as two files per set), got {ScalarValue.Describe(node)}");
                return null;
            }

            var wording = new UnknownKeyWording("unknown key", "expected one of");
            var files = MapReader.Read(node, keyPath, context.At(node), SpecFormat.ImageSetKeys, wording, context);
            var set = new ImageSetSpec();
            if (files.IsWritten("images") && files.IsValid("images"))
            {
                set.Images = Resolve(files.Get<string>("images"), files.Written["images"], files.PathOf("images"), false, baseDirectory, context);
            }

            if (files.IsWritten("labels") && files.IsValid("labels"))
            {
                set.Labels = Resolve(files.Get<string>("labels"), files.Written["labels"], files.PathOf("labels"), false, baseDirectory, context);
            }

            return set;
        }

        var folder = format == ImageFormat.Folders;
        if (node is not YamlScalarNode { Value: { } text } || MapReader.IsNull(node))
        {
            var example = folder ? "a folder with one subfolder per class, e.g. photos/train" : "a CSV file, e.g. digits-train.csv";
            context.Error(node, keyPath, $"expected {example}; got {ScalarValue.Describe(node)}");
            return null;
        }

        context.Remember(keyPath, node);
        return new ImageSetSpec { Images = Resolve(text, node, keyPath, folder, baseDirectory, context) };
    }
}
