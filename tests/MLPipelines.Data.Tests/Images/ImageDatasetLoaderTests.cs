using MLPipelines.Data.Images;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Data.Tests.Images;

public sealed class ImageDatasetLoaderTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string At(params string[] parts) => Path.Combine([_folder.Root, .. parts]);

    [Fact]
    public void ImageDatasetLoader_Load_IdxTestWithMoreClasses_SharesOneClassList()
    {
        ImageFiles.WriteIdxImages(At("a-img"), new byte[2 * 4], 2, 2, 2);
        ImageFiles.WriteIdxLabels(At("a-lab"), [0, 1], gzip: true);
        ImageFiles.WriteIdxImages(At("b-img"), new byte[2 * 4], 2, 2, 2, gzip: true);
        ImageFiles.WriteIdxLabels(At("b-lab"), [2, 0]);
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: i",
            "data: {kind: images, format: idx, train: {images: a-img, labels: a-lab}, test: {images: b-img, labels: b-lab}}",
            "models: [lightgbm]"));

        var data = ImageDatasetLoader.Load(spec);

        Assert.Equal(["0", "1", "2"], data.Train.Classes);
        Assert.Equal(["0", "1", "2"], data.Test!.Classes);
        Assert.Equal(TaskKind.Multiclass, data.Task);
        Assert.Equal(new ImageShape(1, 2, 2), data.Shape);
    }

    [Fact]
    public void ImageDatasetLoader_Load_FolderTestSet_TakesTheTrainingShapeAndClasses()
    {
        ImageFiles.WritePng(At("train", "no", "a.png"), ImageFiles.Filled(16, 10), 4, 4, 1);
        ImageFiles.WritePng(At("train", "yes", "b.png"), ImageFiles.Filled(16, 250), 4, 4, 1);
        ImageFiles.WritePng(At("test", "yes", "c.png"), ImageFiles.Filled(64, 250), 8, 8, 1);
        var spec = _folder.Parse(SpecFolder.Lines("name: i", "data: {kind: images, format: folders, train: train, test: test}", "models: [lightgbm]"));

        var data = ImageDatasetLoader.Load(spec);

        Assert.Equal(TaskKind.Binary, data.Task);
        Assert.Equal(new ImageShape(1, 4, 4), data.Test!.Shape);
        Assert.Equal([1], data.Test.Labels);
    }

    [Fact]
    public void ImageDatasetLoader_Load_CsvLabelNotInHeader_IsASpecErrorAtTheLabelKey()
    {
        _folder.Write("px.csv", "Digit,p0\n1,0\n2,1\n");
        var spec = _folder.Parse(SpecFolder.Lines("name: i", "data: {kind: images, format: csv_pixels, path: px.csv, label: digit}", "models: [lightgbm]"));

        var e = Assert.Throws<SpecException>(() => ImageDatasetLoader.Load(spec));

        Assert.Equal($"x.yaml:2:63: data.label: column 'digit' is not in the header of {At("px.csv")}; did you mean 'Digit'?", e.Message);
    }

    [Fact]
    public void ImageDatasetLoader_Load_BinaryWithTenClasses_IsASpecErrorAtTask()
    {
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: d",
            $"data: {{kind: images, format: csv_pixels, path: '{TestPaths.Dataset("digits.csv")}', label: digit, pixel_max: 16, task: binary}}",
            "models: [lightgbm]"));

        var e = Assert.Throws<SpecException>(() => ImageDatasetLoader.Load(spec));

        Assert.EndsWith("data.task: binary needs exactly two classes, and the images have 10 (0, 1, 2, 3, 4, ...); use multiclass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageDatasetLoader_Load_CommittedFashionMnistSubset_IsBalancedAndNamed()
    {
        var spec = ExamplePipelines.Load("fashion-mnist-subset.yaml");

        var data = ImageDatasetLoader.Load(spec);

        Assert.Equal(new ImageShape(1, 28, 28), data.Shape);
        Assert.Equal(2000, data.Train.Count);
        Assert.Equal(500, data.Test!.Count);
        Assert.Equal("T-shirt/top", data.Classes[0]);
        Assert.Equal("Ankle boot", data.Classes[9]);
        Assert.All(data.Train.ClassCounts(), count => Assert.Equal(200, count));
        Assert.All(data.Test.ClassCounts(), count => Assert.Equal(50, count));
        Assert.Equal(EvaluationMethod.TestSet, spec.Evaluation.Method);
    }

    [Fact]
    public void SpecLoader_Load_FullFashionMnistPipeline_IsValidWhenItsFilesExist()
    {
        // The full files are not committed (fetch.sh copies them); the same spec pointed at the subset must validate.
        var spec = ExamplePipelines.Load("fashion-mnist.yaml", text => text.Replace("/fashion-mnist/full/", "/fashion-mnist/subset/", StringComparison.Ordinal));

        Assert.Equal(EvaluationMethod.TestSet, spec.Evaluation.Method);
        Assert.Equal(10, spec.Data.Classes.Count);
        Assert.EndsWith(Path.Combine("fashion-mnist", "subset", "t10k-labels-idx1-ubyte.gz"), spec.Data.Test!.Labels, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageDatasetLoader_CheckHeaders_SubsetSummarisesWithoutDecoding()
    {
        var spec = ExamplePipelines.Load("fashion-mnist-subset.yaml");

        Assert.Equal("2000 + 500 images of 1x28x28 (idx)", ImageDatasetLoader.CheckHeaders(spec));
    }

    [Fact]
    public void ImageDatasetLoader_CheckHeaders_IdxCountsDiffer_NamesBothFiles()
    {
        ImageFiles.WriteIdxImages(At("img"), new byte[3 * 4], 3, 2, 2, gzip: true);
        ImageFiles.WriteIdxLabels(At("lab"), [0, 1]);
        var spec = _folder.Parse(SpecFolder.Lines("name: i", "data: {kind: images, format: idx, train: {images: img, labels: lab}}", "models: [lightgbm]"));

        var e = Assert.Throws<ImageDataException>(() => ImageDatasetLoader.CheckHeaders(spec));

        Assert.Equal($"{At("img")} and {At("lab")}: the images file holds 3 images but the labels file holds 2 labels", e.Message);
    }

    [Fact]
    public void ImageDatasetLoader_CheckHeaders_FoldersCountFilesPerSet()
    {
        ImageFiles.WritePng(At("train", "a", "1.png"), ImageFiles.Filled(4, 1), 2, 2, 1);
        ImageFiles.WritePng(At("train", "b", "2.png"), ImageFiles.Filled(4, 1), 2, 2, 1);
        ImageFiles.WritePng(At("test", "b", "3.png"), ImageFiles.Filled(4, 1), 2, 2, 1);
        var spec = _folder.Parse(SpecFolder.Lines("name: i", "data: {kind: images, format: folders, train: train, test: test}", "models: [lightgbm]"));

        Assert.Equal("2 + 1 image files in 2 classes (folders)", ImageDatasetLoader.CheckHeaders(spec));
    }

    [Fact]
    public void ImageDataset_ToLabelInfo_BinaryMarksTheSecondClassPositive()
    {
        ImageFiles.WritePng(At("photos", "cat", "1.png"), ImageFiles.Filled(4, 1), 2, 2, 1);
        ImageFiles.WritePng(At("photos", "dog", "2.png"), ImageFiles.Filled(4, 1), 2, 2, 1);
        var images = ImageFolderReader.Read(At("photos"));

        var label = images.ToLabelInfo(TaskKind.Binary);

        Assert.Equal("dog", label.PositiveClass);
        Assert.Equal([0, 1], label.ClassIndex);
        Assert.Equal(["cat", "dog"], label.Original);
        Assert.Equal(2, label.ClassCount);
    }
}
