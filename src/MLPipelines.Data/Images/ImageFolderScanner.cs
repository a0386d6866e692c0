namespace MLPipelines.Data.Images;

/// <summary>Lists the image files of a class-per-folder tree, in a stable order (classes, then paths, ordinal).</summary>
internal static class ImageFolderScanner
{
    public static (List<string> Files, List<int> FileClasses, IReadOnlyList<string> Classes) Scan(
        string root, IReadOnlyList<string>? fixedClasses, List<string> warnings)
    {
        if (File.Exists(root))
        {
            throw ImageDataException.File(root, "is a file; expected a folder with one subfolder of images per class");
        }

        if (!Directory.Exists(root))
        {
            throw ImageDataException.File(root, "folder not found");
        }

        var folders = Visible(Directory.EnumerateDirectories(root)).Order(StringComparer.Ordinal).ToList();
        var loose = Visible(Directory.EnumerateFiles(root)).Where(IsImage).ToList();
        if (folders.Count == 0)
        {
            var what = loose.Count > 0 ? $"{loose.Count} image file(s) directly in it" : "nothing usable in it";
            throw ImageDataException.File(root, $"no class subfolders ({what}); expected ROOT/CLASS/IMAGE files, one subfolder per class");
        }

        if (loose.Count > 0)
        {
            warnings.Add($"{root}: {loose.Count} image file(s) directly in the folder are not in a class subfolder and were ignored (e.g. {Path.GetFileName(loose[0])})");
        }

        var classes = fixedClasses ?? [.. folders.Select(f => Path.GetFileName(f)!)];
        var classIndex = classes.Select((name, k) => (name, k)).ToDictionary(p => p.name, p => p.k, StringComparer.Ordinal);
        var files = new List<string>();
        var fileClasses = new List<int>();
        var ignored = new List<string>();
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder)!;
            if (!classIndex.TryGetValue(name, out var k))
            {
                throw ImageDataException.File(folder,
                    $"class '{name}' is not one of the training classes ({string.Join(", ", classes)}); a test set can only hold classes the models were trained on");
            }

            var found = Walk(folder).Order(StringComparer.Ordinal).ToList();
            ignored.AddRange(found.Where(f => !IsImage(f)));
            var images = found.Where(IsImage).ToList();
            if (images.Count == 0 && fixedClasses is null)
            {
                throw ImageDataException.File(folder,
                    $"class folder '{name}' holds no image files ({string.Join(", ", ImageFolderReader.Extensions)}); remove it or add images");
            }

            files.AddRange(images);
            fileClasses.AddRange(Enumerable.Repeat(k, images.Count));
        }

        if (fixedClasses is null && classes.Count < 2)
        {
            throw ImageDataException.File(root, $"only one class folder ('{classes[0]}'); a classifier needs at least two classes");
        }

        if (ignored.Count > 0)
        {
            warnings.Add($"{root}: {ignored.Count} file(s) without an image extension were ignored (e.g. {ignored[0]})");
        }

        return (files, fileClasses, classes);
    }

    private static bool IsImage(string path) =>
        ImageFolderReader.Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Visible(IEnumerable<string> paths) =>
        paths.Where(p => !Path.GetFileName(p).StartsWith('.'));

    private static IEnumerable<string> Walk(string folder) =>
        Visible(Directory.EnumerateFiles(folder)).Concat(Visible(Directory.EnumerateDirectories(folder)).SelectMany(Walk));
}
