using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Data.Images;

/// <summary>
/// Loads the images a validated spec names (<c>data.kind: images</c>) with the reader of its <c>data.format</c>,
/// reading the test set with the training set's shape and classes, and settles the task (binary for two classes,
/// else multiclass).
/// </summary>
public static class ImageDatasetLoader
{
    /// <summary>Loads <c>spec.data</c>.</summary>
    /// <exception cref="ImageDataException">A file or image cannot be used (named in the message).</exception>
    /// <exception cref="SpecException">The data contradicts the spec (a missing label column, binary with more than two classes), at the key's position.</exception>
    public static ImageData Load(PipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var data = spec.Data;
        if (data.Kind != DataKind.Images || data.Format is not { } format || data.TrainingImages is not { } trainSet)
        {
            throw new ArgumentException("The spec does not describe image data.", nameof(spec));
        }

        var (train, test) = format switch
        {
            ImageFormat.Idx => LoadIdx(data, trainSet),
            ImageFormat.Folders => LoadFolders(data, trainSet),
            _ => LoadCsv(spec, trainSet),
        };

        if (test is not null && test.Shape != train.Shape)
        {
            throw ImageDataException.Mismatch(train.Origin, test.Origin,
                $"the training images are {train.Shape} (channels x height x width) but the test images are {test.Shape}");
        }

        var task = data.Task ?? (train.Classes.Count == 2 ? TaskKind.Binary : TaskKind.Multiclass);
        if (task == TaskKind.Binary && train.Classes.Count != 2)
        {
            throw SpecException.ForKey(spec, "data.task",
                $"binary needs exactly two classes, and the images have {train.Classes.Count} ({string.Join(", ", train.Classes.Take(5))}{(train.Classes.Count > 5 ? ", ..." : "")}); use multiclass");
        }

        return new ImageData(train, test, task);
    }

    /// <summary>
    /// The cheap checks <c>mlpipe validate</c> can make without decoding any image: IDX headers (magic, element
    /// type, dimensions, equal counts in each images/labels pair, one image size for both sets), the label column
    /// of a pixel CSV (and that its pixel columns fit the image shape), and the class subfolders of image folders.
    /// Returns a one-line summary, e.g. <c>60000 + 10000 images of 1x28x28 (idx)</c>.
    /// </summary>
    /// <exception cref="ImageDataException">A file or folder does not fit.</exception>
    /// <exception cref="SpecException">The label column of a pixel CSV is missing (at <c>data.label</c>).</exception>
    public static string CheckHeaders(PipelineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var data = spec.Data;
        if (data.Kind != DataKind.Images || data.Format is not { } format || data.TrainingImages is not { } trainSet)
        {
            throw new ArgumentException("The spec does not describe image data.", nameof(spec));
        }

        var sets = new[] { trainSet, data.Test }.OfType<ImageSetSpec>().ToList();
        switch (format)
        {
            case ImageFormat.Idx:
                var shapes = sets.Select(set => IdxPair(set.Images, set.Labels!)).ToList();
                if (shapes.Count == 2 && (shapes[0].Rows, shapes[0].Columns) != (shapes[1].Rows, shapes[1].Columns))
                {
                    throw ImageDataException.Mismatch(trainSet.Images, data.Test!.Images,
                        $"the training images are {shapes[0].Rows}x{shapes[0].Columns} but the test images are {shapes[1].Rows}x{shapes[1].Columns}");
                }

                return $"{string.Join(" + ", shapes.Select(s => s.Count))} images of 1x{shapes[0].Rows}x{shapes[0].Columns} (idx)";
            case ImageFormat.CsvPixels:
                foreach (var set in sets)
                {
                    var header = CsvPixelReader.ReadHeader(set.Images, data.Separator);
                    if (!header.Contains(data.Label))
                    {
                        throw SpecException.ForKey(spec, "data.label",
                            $"column '{data.Label}' is not in the header of {set.Images}{NameSuggester.DidYouMean(data.Label, header)}");
                    }

                    if (data.Image.Shape is { } shape && shape.Size != header.Count - 1)
                    {
                        throw ImageDataException.File(set.Images,
                            $"the file has {header.Count - 1} pixel columns (every column but the label), but images of {shape} (channels x height x width) need {shape.Size}");
                    }
                }

                return $"pixel columns of {string.Join(" + ", sets.Select(s => Path.GetFileName(s.Images)))} (csv_pixels)";
            default:
                var train = ImageFolderScanner.Scan(trainSet.Images, null, []);
                var files = new List<int> { train.Files.Count };
                if (data.Test is { } testSet)
                {
                    files.Add(ImageFolderScanner.Scan(testSet.Images, train.Classes, []).Files.Count);
                }

                return $"{string.Join(" + ", files)} image files in {train.Classes.Count} classes (folders)";
        }
    }

    private static (int Count, int Rows, int Columns) IdxPair(string images, string labels)
    {
        var (imageDims, _) = IdxReader.ReadHeader(images);
        var (labelDims, _) = IdxReader.ReadHeader(labels);
        if (imageDims.Length != 3)
        {
            throw ImageDataException.File(images, $"an images file has 3 dimensions (images, rows, columns), this one has {imageDims.Length}");
        }

        if (labelDims.Length != 1)
        {
            throw ImageDataException.File(labels, $"a labels file has 1 dimension (labels), this one has {labelDims.Length}");
        }

        if (imageDims[0] != labelDims[0])
        {
            throw ImageDataException.Mismatch(images, labels, $"the images file holds {imageDims[0]} images but the labels file holds {labelDims[0]} labels");
        }

        return (imageDims[0], imageDims[1], imageDims[2]);
    }

    private static (ImageDataset Train, ImageDataset? Test) LoadIdx(DataSpec data, ImageSetSpec trainSet)
    {
        var names = data.Classes.Count > 0 ? data.Classes : null;
        var train = IdxReader.Read(trainSet.Images, trainSet.Labels!, names);
        if (data.Test is not { } testSet)
        {
            return (train, null);
        }

        var test = IdxReader.Read(testSet.Images, testSet.Labels!, names);
        if (test.Classes.Count == train.Classes.Count)
        {
            return (train, test);
        }

        // Without class names the class count comes from the largest label, which the two files may not share.
        var wider = train.Classes.Count > test.Classes.Count ? train.Classes : test.Classes;
        return (train.Classes.Count < wider.Count ? train.WithClasses(wider) : train, test.Classes.Count < wider.Count ? test.WithClasses(wider) : test);
    }

    private static (ImageDataset Train, ImageDataset? Test) LoadFolders(DataSpec data, ImageSetSpec trainSet)
    {
        var train = ImageFolderReader.Read(trainSet.Images, new ImageFolderOptions
        {
            Width = data.Image.Width,
            Height = data.Image.Height,
            Channels = data.Image.Channels,
            Resize = data.Image.Resize,
            SkipUnreadable = data.SkipUnreadable,
        });
        var test = data.Test is { } testSet
            ? ImageFolderReader.Read(testSet.Images, new ImageFolderOptions
            {
                Width = train.Shape.Width,
                Height = train.Shape.Height,
                Channels = train.Shape.Channels,
                Resize = data.Image.Resize,
                SkipUnreadable = data.SkipUnreadable,
                Classes = train.Classes,
            })
            : null;
        return (train, test);
    }

    private static (ImageDataset Train, ImageDataset? Test) LoadCsv(PipelineSpec spec, ImageSetSpec trainSet)
    {
        var data = spec.Data;
        var labelKey = "data.label";
        foreach (var file in new[] { trainSet.Images, data.Test?.Images }.OfType<string>())
        {
            var header = CsvPixelReader.ReadHeader(file, data.Separator);
            if (!header.Contains(data.Label))
            {
                throw SpecException.ForKey(spec, labelKey,
                    $"column '{data.Label}' is not in the header of {file}{NameSuggester.DidYouMean(data.Label, header)}");
            }
        }

        var shape = data.Image.Width is { } width && data.Image.Height is { } height
            ? new ImageShape(data.Image.Channels ?? 1, height, width)
            : null;
        var train = CsvPixelReader.Read(trainSet.Images, new CsvPixelOptions
        {
            Label = data.Label,
            Shape = shape,
            Channels = data.Image.Channels ?? 1,
            PixelMax = data.PixelMax,
            Separator = data.Separator,
        });
        var test = data.Test is { } testSet
            ? CsvPixelReader.Read(testSet.Images, new CsvPixelOptions
            {
                Label = data.Label,
                Shape = train.Shape,
                PixelMax = data.PixelMax,
                Separator = data.Separator,
                Classes = train.Classes,
            })
            : null;
        return (train, test);
    }
}
