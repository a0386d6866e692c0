using MLPipelines.Data.Images;
using MLPipelines.Spec;

namespace MLPipelines.Data.Tests.Images;

public sealed class IdxReaderTests
{
    private readonly string _folder = TestPaths.NewTempFolder();

    /// <summary>Three 2x3 images whose pixels are 0..17, labels 2, 0, 1.</summary>
    private (string Images, string Labels) Write(bool gzip, string prefix = "train")
    {
        var pixels = Enumerable.Range(0, 18).Select(i => (byte)(i * 15)).ToArray();
        var images = ImageFiles.WriteIdxImages(Path.Combine(_folder, $"{prefix}-images.idx"), pixels, 3, 2, 3, gzip);
        var labels = ImageFiles.WriteIdxLabels(Path.Combine(_folder, $"{prefix}-labels.idx"), [2, 0, 1], gzip);
        return (images, labels);
    }

    [Fact]
    public void IdxReader_Read_RawFiles_ScalesPixelsBy255AndKeepsLabels()
    {
        var (images, labels) = Write(gzip: false);

        var data = IdxReader.Read(images, labels);

        Assert.Equal(new ImageShape(1, 2, 3), data.Shape);
        Assert.Equal(3, data.Count);
        Assert.Equal([2, 0, 1], data.Labels);
        Assert.Equal(["0", "1", "2"], data.Classes);
        Assert.Equal(6 * 15 / 255f, data.GetImage(1)[0], 6);
        Assert.Equal(1f, data.GetImage(2)[5], 6);
        Assert.Equal($"{images}: image 2", data.SourceOf(2));
    }

    [Fact]
    public void IdxReader_Read_GzipFiles_GiveTheSameImagesAsRaw()
    {
        var raw = Write(gzip: false, "raw");
        var packed = Write(gzip: true, "packed");

        var a = IdxReader.Read(raw.Images, raw.Labels);
        var b = IdxReader.Read(packed.Images, packed.Labels);

        Assert.True(IdxReader.ReadHeader(packed.Images).Gzip);
        Assert.False(IdxReader.ReadHeader(raw.Images).Gzip);
        Assert.Equal(a.Pixels.ToArray(), b.Pixels.ToArray());
        Assert.Equal(a.Labels, b.Labels);
    }

    [Fact]
    public void IdxReader_Read_ClassNames_NameTheLabels()
    {
        var (images, labels) = Write(gzip: false);

        var data = IdxReader.Read(images, labels, ["shirt", "shoe", "bag", "hat"]);

        Assert.Equal(["shirt", "shoe", "bag", "hat"], data.Classes);
        Assert.Contains(data.Warnings, w => w.Contains("class 'hat' (label 3) has no images", StringComparison.Ordinal));
    }

    [Fact]
    public void IdxReader_Read_LabelBeyondClassNames_NamesTheImage()
    {
        var (images, labels) = Write(gzip: false);

        var e = Assert.Throws<ImageDataException>(() => IdxReader.Read(images, labels, ["a", "b"]));

        Assert.Equal($"{labels}: image 0: label 2 is out of range: data.classes names 2 classes (labels 0..1)", e.Message);
    }

    [Fact]
    public void IdxReader_Read_BadMagic_SaysItIsNotIdx()
    {
        var (_, labels) = Write(gzip: false);
        var png = Path.Combine(_folder, "x.idx");
        File.WriteAllBytes(png, [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);

        var e = Assert.Throws<ImageDataException>(() => IdxReader.Read(png, labels));

        Assert.StartsWith($"{png}: not an IDX file: it starts with 89 50 4e 47", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdxReader_Read_FloatElements_AreRejectedByName()
    {
        var (_, labels) = Write(gzip: false);
        var path = Path.Combine(_folder, "float.idx");
        var bytes = ImageFiles.IdxBytes(3, [1, 1, 1], [0, 0, 0, 0]);
        bytes[2] = 0x0D;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<ImageDataException>(() => IdxReader.Read(path, labels));

        Assert.Equal($"{path}: IDX element type 0x0d (32-bit floats) is not supported; only unsigned bytes (0x08) are", e.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IdxReader_Read_TruncatedImages_SaysHowMuchIsMissing(bool gzip)
    {
        var (_, labels) = Write(gzip: false);
        var bytes = ImageFiles.IdxBytes(3, [3, 2, 3], new byte[18])[..^5];
        var path = Path.Combine(_folder, gzip ? "cut.idx.gz" : "cut.idx");
        File.WriteAllBytes(path, gzip ? ImageFiles.Gzip(bytes) : bytes);

        var e = Assert.Throws<ImageDataException>(() => IdxReader.Read(path, labels));

        Assert.Equal($"{path}: truncated: the header announces 3 images of 2x3 (18 bytes after the header), but the file ends after 13", e.Message);
    }

    [Fact]
    public void IdxReader_Read_GzipCutMidStream_IsAClearError()
    {
        var (_, labels) = Write(gzip: false);
        var packed = ImageFiles.Gzip(ImageFiles.IdxBytes(3, [50, 20, 20], Enumerable.Range(0, 20000).Select(i => (byte)(i * 7919 % 251)).ToArray()));
        var path = Path.Combine(_folder, "cut.gz");
        File.WriteAllBytes(path, packed[..(packed.Length / 2)]);

        var e = Assert.Throws<ImageDataException>(() => IdxReader.Read(path, labels));

        Assert.StartsWith($"{path}: ", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Contains("truncated", StringComparison.Ordinal) || e.Message.Contains("gzip data is corrupt", StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void IdxReader_Read_ExtraBytesAfterTheImages_AreAnError()
    {
        var (_, labels) = Write(gzip: false);
        var path = Path.Combine(_folder, "long.idx");
        File.WriteAllBytes(path, ImageFiles.IdxBytes(3, [3, 2, 3], new byte[19]));

        var e = Assert.Throws<ImageDataException>(() => IdxReader.Read(path, labels));

        Assert.Contains("holds more data than its header announces", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IdxReader_Read_FilesSwapped_SaysWhichKindEachIs()
    {
        var (images, labels) = Write(gzip: false);

        var e = Assert.Throws<ImageDataException>(() => IdxReader.Read(labels, images));

        Assert.Equal($"{labels}: an images file has 3 dimensions (images, rows, columns), this one has 1 (this looks like a labels file)", e.Message);
    }

    [Fact]
    public void IdxReader_Read_CountsDiffer_NamesBothFiles()
    {
        var (images, _) = Write(gzip: false);
        var labels = ImageFiles.WriteIdxLabels(Path.Combine(_folder, "two.idx"), [0, 1]);

        var e = Assert.Throws<ImageDataException>(() => IdxReader.Read(images, labels));

        Assert.Equal($"{images} and {labels}: the images file holds 3 images but the labels file holds 2 labels", e.Message);
    }

    [Fact]
    public void IdxReader_Read_MissingOrEmptyFile_IsNamed()
    {
        var (images, _) = Write(gzip: false);
        var empty = Path.Combine(_folder, "empty.idx");
        File.WriteAllBytes(empty, []);

        Assert.Equal($"{Path.Combine(_folder, "nope")}: file not found",
            Assert.Throws<ImageDataException>(() => IdxReader.Read(images, Path.Combine(_folder, "nope"))).Message);
        Assert.Equal($"{empty}: file is empty; expected an IDX file",
            Assert.Throws<ImageDataException>(() => IdxReader.Read(images, empty)).Message);
    }
}
