using MLPipelines.Data.Images;
using MLPipelines.Spec;

namespace MLPipelines.Data.Tests.Images;

public sealed class ImageFolderReaderTests
{
    private readonly string _root = TestPaths.NewTempFolder();

    private string At(params string[] parts) => Path.Combine([_root, .. parts]);

    /// <summary>Gray 4x4 images: class 'cat' (values 0 and 40), class 'dog' (200).</summary>
    private void WriteGray()
    {
        ImageFiles.WritePng(At("cat", "a.png"), ImageFiles.Filled(16, 0), 4, 4, 1);
        ImageFiles.WritePng(At("cat", "b.png"), ImageFiles.Filled(16, 40), 4, 4, 1);
        ImageFiles.WritePng(At("dog", "a.png"), ImageFiles.Filled(16, 200), 4, 4, 1);
    }

    [Fact]
    public void ImageFolderReader_Read_GrayPngs_ClassesFromSortedFolderNames()
    {
        WriteGray();

        var data = ImageFolderReader.Read(_root);

        Assert.Equal(["cat", "dog"], data.Classes);
        Assert.Equal(new ImageShape(1, 4, 4), data.Shape);
        Assert.Equal([0, 0, 1], data.Labels);
        Assert.All(data.GetImage(1).ToArray(), v => Assert.Equal(40 / 255f, v, 6));
        Assert.All(data.GetImage(2).ToArray(), v => Assert.Equal(200 / 255f, v, 6));
        Assert.Equal(At("cat", "b.png"), data.SourceOf(1));
        Assert.Empty(data.Skipped);
    }

    [Fact]
    public void ImageFolderReader_Read_RgbImage_IsStoredChannelPlanar()
    {
        // 2x1 RGB: pixel 0 = (255, 0, 0), pixel 1 = (0, 0, 255).
        ImageFiles.WritePng(At("a", "x.png"), [255, 0, 0, 0, 0, 255], 2, 1, 3);
        ImageFiles.WriteBmp(At("b", "y.bmp"), [10, 20, 30, 40, 50, 60], 2, 1, 3);

        var data = ImageFolderReader.Read(_root);

        Assert.Equal(new ImageShape(3, 1, 2), data.Shape);
        Assert.Equal([1f, 0f, 0f, 0f, 0f, 1f], data.GetImage(0).ToArray());
        Assert.Equal(new[] { 10, 40, 20, 50, 30, 60 }.Select(v => v / 255f), data.GetImage(1).ToArray());
    }

    [Fact]
    public void ImageFolderReader_Read_MixedGrayAndColour_AutoChannelsIsThreeAndGrayIsReplicated()
    {
        ImageFiles.WritePng(At("a", "gray.png"), [90, 90], 2, 1, 1);
        ImageFiles.WritePng(At("b", "rgb.png"), [1, 2, 3, 4, 5, 6], 2, 1, 3);

        var data = ImageFolderReader.Read(_root);

        Assert.Equal(3, data.Shape.Channels);
        Assert.All(data.GetImage(0).ToArray(), v => Assert.Equal(90 / 255f, v, 6));
    }

    [Fact]
    public void ImageFolderReader_Read_ChannelsOne_ConvertsColourToLuma()
    {
        ImageFiles.WritePng(At("a", "red.png"), [255, 0, 0], 1, 1, 3);
        ImageFiles.WritePng(At("b", "white.png"), [255, 255, 255], 1, 1, 3);

        var data = ImageFolderReader.Read(_root, new ImageFolderOptions { Channels = 1 });

        Assert.Equal(1, data.Shape.Channels);
        Assert.Equal(77 / 255f, data.GetImage(0)[0], 2);
        Assert.Equal(1f, data.GetImage(1)[0], 6);
    }

    [Fact]
    public void ImageFolderReader_Read_TargetSize_ResizesEveryImage()
    {
        // An 8x8 image, left half 0 and right half 255; a 2x2 JPEG of 128.
        var halves = Enumerable.Range(0, 64).Select(i => (byte)(i % 8 < 4 ? 0 : 255)).ToArray();
        ImageFiles.WritePng(At("a", "halves.png"), halves, 8, 8, 1);
        ImageFiles.WriteJpg(At("b", "flat.jpg"), ImageFiles.Filled(4, 128), 2, 2, 1);

        var data = ImageFolderReader.Read(_root, new ImageFolderOptions { Width = 4, Height = 4, Channels = 1 });

        Assert.Equal(new ImageShape(1, 4, 4), data.Shape);
        Assert.Equal([0f, 0f, 1f, 1f], data.GetImage(0)[..4].ToArray());
        Assert.All(data.GetImage(1).ToArray(), v => Assert.Equal(128 / 255f, v, 1));
    }

    [Fact]
    public void ImageFolderReader_Read_SizesDifferWithoutATargetSize_ListsTheSizes()
    {
        ImageFiles.WritePng(At("a", "small.png"), ImageFiles.Filled(4, 1), 2, 2, 1);
        ImageFiles.WritePng(At("b", "big.png"), ImageFiles.Filled(9, 1), 3, 3, 1);

        var e = Assert.Throws<ImageDataException>(() => ImageFolderReader.Read(_root));

        Assert.StartsWith($"{_root}: the images have 2 different sizes: 2x2 (1 images, e.g. {At("a", "small.png")})", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("set data.image.width and data.image.height to resize them to one size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageFolderReader_Read_ResizeNone_OtherSizeIsAnErrorNamingTheFile()
    {
        ImageFiles.WritePng(At("a", "small.png"), ImageFiles.Filled(4, 1), 2, 2, 1);
        ImageFiles.WritePng(At("b", "big.png"), ImageFiles.Filled(9, 1), 3, 3, 1);

        var e = Assert.Throws<ImageDataException>(() =>
            ImageFolderReader.Read(_root, new ImageFolderOptions { Width = 2, Height = 2, Resize = ResizeMethod.None }));

        Assert.StartsWith($"{At("b", "big.png")}: is 3x3 pixels, but the images are 2x2 and data.image.resize is none", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageFolderReader_Read_CorruptImage_ErrorNamesTheFile()
    {
        WriteGray();
        var corrupt = ImageFiles.WriteCorruptPng(At("dog", "broken.png"), 4, 4);

        var e = Assert.Throws<ImageDataException>(() => ImageFolderReader.Read(_root));

        Assert.StartsWith($"{corrupt}: cannot be decoded (", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("set data.skip_unreadable: true to leave unreadable images out", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageFolderReader_Read_NotAnImageAtAll_ErrorNamesTheFile()
    {
        WriteGray();
        File.WriteAllText(At("cat", "notes.jpg"), "this is text");

        var e = Assert.Throws<ImageDataException>(() => ImageFolderReader.Read(_root));

        Assert.StartsWith($"{At("cat", "notes.jpg")}: not a recognised image (PNG, JPEG, BMP, GIF, TGA or PSD)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageFolderReader_Read_SkipUnreadable_LeavesThemOutAndCountsThem()
    {
        WriteGray();
        var corrupt = ImageFiles.WriteCorruptPng(At("dog", "broken.png"), 4, 4);
        File.WriteAllText(At("cat", "notes.jpg"), "this is text");

        var data = ImageFolderReader.Read(_root, new ImageFolderOptions { SkipUnreadable = true });

        Assert.Equal(3, data.Count);
        Assert.Equal([0, 0, 1], data.Labels);
        Assert.Equal([At("cat", "notes.jpg"), corrupt], data.Skipped.Select(s => s.Path).Order(StringComparer.Ordinal));
        Assert.All(data.GetImage(2).ToArray(), v => Assert.Equal(200 / 255f, v, 6));
        Assert.Equal(At("dog", "a.png"), data.SourceOf(2));
    }

    [Fact]
    public void ImageFolderReader_Read_OtherFilesAndHiddenEntries_AreIgnoredWithAWarning()
    {
        WriteGray();
        File.WriteAllText(At("cat", "README.txt"), "about cats");
        File.WriteAllText(At("dog", ".DS_Store"), "x");
        Directory.CreateDirectory(At(".cache"));

        var data = ImageFolderReader.Read(_root);

        Assert.Equal(["cat", "dog"], data.Classes);
        Assert.Equal(3, data.Count);
        Assert.Contains(data.Warnings, w => w.Contains("1 file(s) without an image extension were ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void ImageFolderReader_Read_TestSetWithTrainingClasses_MapsByNameAndRejectsNewClasses()
    {
        ImageFiles.WritePng(At("test", "dog", "x.png"), ImageFiles.Filled(16, 9), 4, 4, 1);

        var test = ImageFolderReader.Read(At("test"), new ImageFolderOptions { Classes = ["cat", "dog"] });
        ImageFiles.WritePng(At("test", "cow", "y.png"), ImageFiles.Filled(16, 9), 4, 4, 1);
        var e = Assert.Throws<ImageDataException>(() => ImageFolderReader.Read(At("test"), new ImageFolderOptions { Classes = ["cat", "dog"] }));

        Assert.Equal(["cat", "dog"], test.Classes);
        Assert.Equal([1], test.Labels);
        Assert.StartsWith($"{At("test", "cow")}: class 'cow' is not one of the training classes (cat, dog)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageFolderReader_Read_BadLayouts_SayWhatIsExpected()
    {
        ImageFiles.WritePng(At("loose.png"), ImageFiles.Filled(4, 1), 2, 2, 1);
        var noClasses = Assert.Throws<ImageDataException>(() => ImageFolderReader.Read(_root));
        ImageFiles.WritePng(At("only", "x.png"), ImageFiles.Filled(4, 1), 2, 2, 1);
        var oneClass = Assert.Throws<ImageDataException>(() => ImageFolderReader.Read(_root));
        Directory.CreateDirectory(At("empty"));
        var emptyClass = Assert.Throws<ImageDataException>(() => ImageFolderReader.Read(_root));

        Assert.Equal($"{_root}: no class subfolders (1 image file(s) directly in it); expected ROOT/CLASS/IMAGE files, one subfolder per class", noClasses.Message);
        Assert.Equal($"{_root}: only one class folder ('only'); a classifier needs at least two classes", oneClass.Message);
        Assert.StartsWith($"{At("empty")}: class folder 'empty' holds no image files", emptyClass.Message, StringComparison.Ordinal);
        Assert.Equal($"{At("nowhere")}: folder not found", Assert.Throws<ImageDataException>(() => ImageFolderReader.Read(At("nowhere"))).Message);
    }

    [Fact]
    public void ImageFolderReader_Read_ManyImages_OrderDoesNotDependOnDecodingThreads()
    {
        for (var i = 0; i < 40; i++)
        {
            ImageFiles.WritePng(At(i % 2 == 0 ? "even" : "odd", $"{i:D2}.png"), ImageFiles.Filled(9, (byte)i), 3, 3, 1);
        }

        var data = ImageFolderReader.Read(_root);

        Assert.Equal(40, data.Count);
        for (var n = 0; n < 40; n++)
        {
            var expected = int.Parse(Path.GetFileNameWithoutExtension(data.SourceOf(n)), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(expected / 255f, data.GetImage(n)[4], 6);
            Assert.Equal(expected % 2, data.Labels[n]);
        }
    }
}
