using MLPipelines.Core.Spec;

namespace MLPipelines.Core.Images;

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
