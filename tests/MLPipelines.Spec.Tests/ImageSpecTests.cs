namespace MLPipelines.Spec.Tests;

/// <summary>The image keys of <c>data:</c> (kind, format, train, test, image, classes, pixel_max, skip_unreadable) and test_set.</summary>
public sealed class ImageSpecTests : IDisposable
{
    private readonly SpecFolder _folder = new();

    public ImageSpecTests()
    {
        foreach (var file in new[] { "train-images.gz", "train-labels.gz", "test-images.gz", "test-labels.gz" })
        {
            _folder.Write(Path.Combine("fm", file), "x");
        }

        _folder.Write(Path.Combine("photos", "train", "cat", "a.png"), "x");
        _folder.Write(Path.Combine("photos", "test", "cat", "a.png"), "x");
        _folder.Write("digits.csv", "digit,p0\n1,0\n");
    }

    public void Dispose() => _folder.Dispose();

    private string At(params string[] parts) => Path.Combine([_folder.Root, .. parts]);

    /// <summary>IDX data (lines 2-6) with <paramref name="extra"/> lines after it in data, then evaluation and models.</summary>
    private static string Idx(string extra = "", string evaluation = "", string test = "  test: {images: fm/test-images.gz, labels: fm/test-labels.gz}") =>
        SpecFolder.Lines(
            "name: fm",
            "data:",
            "  kind: images",
            "  format: idx",
            "  train: {images: fm/train-images.gz, labels: fm/train-labels.gz}",
            test,
            extra,
            evaluation,
            "models: [lightgbm]");

    [Fact]
    public void SpecLoader_Parse_IssueExample_ReadsIdxTrainAndTest()
    {
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: fashion",
            "data:",
            "  kind: images",
            "  format: idx                    # idx | folders | csv_pixels",
            "  train: {images: fm/train-images.gz, labels: fm/train-labels.gz}",
            "  test:  {images: fm/test-images.gz,  labels: fm/test-labels.gz}",
            "  classes: [T-shirt/top, Trouser]",
            "evaluation: {method: test_set}   # train on train, score on test",
            "models:",
            "  - {name: gbm, trainer: lightgbm, options: {iterations: 15}}"));

        Assert.Equal(DataKind.Images, spec.Data.Kind);
        Assert.Equal(ImageFormat.Idx, spec.Data.Format);
        Assert.Equal(At("fm", "train-images.gz"), spec.Data.Train!.Images);
        Assert.Equal(At("fm", "test-labels.gz"), spec.Data.Test!.Labels);
        Assert.Equal(["T-shirt/top", "Trouser"], spec.Data.Classes);
        Assert.Equal(EvaluationMethod.TestSet, spec.Evaluation.Method);
        Assert.Empty(spec.Preprocessing);
        Assert.Equal("", spec.Data.Label);
    }

    [Fact]
    public void SpecLoader_Parse_TestSetWithoutMethod_DefaultsToTestSet()
    {
        var spec = _folder.Parse(Idx());

        Assert.Equal(EvaluationMethod.TestSet, spec.Evaluation.Method);
        Assert.Null(spec.Evaluation.Stratify);
    }

    [Fact]
    public void SpecLoader_Parse_Folders_ReadsImageOptions()
    {
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: photos",
            "data:",
            "  kind: images",
            "  format: folders",
            "  train: photos/train",
            "  test: photos/test",
            "  image: {width: 32, height: 24, channels: 3, resize: bilinear}",
            "  skip_unreadable: true",
            "models: [lightgbm]"));

        Assert.Equal(ImageFormat.Folders, spec.Data.Format);
        Assert.Equal(At("photos", "train"), spec.Data.Train!.Images);
        Assert.Null(spec.Data.Train.Labels);
        Assert.Equal(new ImageShape(3, 24, 32), spec.Data.Image.Shape);
        Assert.Equal(ResizeMethod.Bilinear, spec.Data.Image.Resize);
        Assert.True(spec.Data.SkipUnreadable);
    }

    [Fact]
    public void SpecLoader_Parse_CsvPixelsAsOneSet_UsesPathLabelAndPixelMax()
    {
        var spec = _folder.Parse(SpecFolder.Lines(
            "name: digits",
            "data: {kind: images, format: csv_pixels, path: digits.csv, label: digit, pixel_max: 16}",
            "evaluation: {method: kfold, folds: 3}",
            "preprocessing: [normalize]",
            "models: [lightgbm]"));

        Assert.Equal(At("digits.csv"), spec.Data.Path);
        Assert.Equal(At("digits.csv"), spec.Data.TrainingImages!.Images);
        Assert.Equal("digit", spec.Data.Label);
        Assert.Equal(16, spec.Data.PixelMax);
        Assert.Null(spec.Data.Image.Shape);
        Assert.Equal(["normalize"], spec.Preprocessing.Select(s => s.Kind));
    }

    [Fact]
    public void SpecLoader_Parse_TabularKeyWithImages_IsAnErrorAtTheKey()
    {
        Assert.Equal("x.yaml:7:3: data.columns: applies only to tabular data, and data.kind is images; remove it",
            _folder.Error(Idx("  columns: {ignore: [id]}")));
        Assert.Equal("x.yaml:7:10: data.label: applies only to data.format: csv_pixels, and data.format is idx; remove it",
            _folder.Error(Idx("  label: y")));
    }

    [Fact]
    public void SpecLoader_Parse_ImageKeyWithTabularData_SaysToSetKind()
    {
        var yaml = SpecFolder.Lines("name: t", "data:", "  path: data.csv", "  label: y", "  format: idx", "models: [sdca]");

        Assert.Equal("x.yaml:5:11: data.format: applies only to image data (data.kind: images); set data.kind: images, or remove it", _folder.Error(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_KeyOfAnotherImageFormat_NamesTheFormats()
    {
        Assert.Equal("x.yaml:7:14: data.pixel_max: applies only to data.format: csv_pixels, and data.format is idx; remove it",
            _folder.Error(Idx("  pixel_max: 16")));
        Assert.Equal("x.yaml:7:3: data.image: applies only to data.format: folders or csv_pixels, and data.format is idx; remove it",
            _folder.Error(Idx("  image: {width: 28}")));
        Assert.Equal("x.yaml:2:90: data.image.resize: applies only to data.format: folders, and data.format is csv_pixels; remove it",
            _folder.Error(SpecFolder.Lines(
                "name: d",
                "data: {kind: images, format: csv_pixels, path: digits.csv, label: digit, image: {resize: area}}",
                "evaluation: {method: holdout}",
                "models: [lightgbm]")));
    }

    [Fact]
    public void SpecLoader_Parse_PathWithIdx_SaysToUseTrain()
    {
        Assert.Equal("x.yaml:7:9: data.path: IDX data comes as two files per set; write train: {images: FILE, labels: FILE} (and test: ...) instead of path",
            _folder.Error(Idx("  path: fm")));
    }

    [Fact]
    public void SpecLoader_Parse_MissingIdxFile_PointsAtItWithDidYouMean()
    {
        var error = _folder.Error(Idx(test: "  test: {images: fm/test-images.gz, labels: fm/test-lables.gz}"));

        Assert.Equal(
            $"x.yaml:6:45: data.test.labels: file not found: {At("fm", "test-lables.gz")}; relative paths are resolved against {_folder.Root}; did you mean 'test-labels.gz'?",
            error);
    }

    [Fact]
    public void SpecLoader_Parse_IdxSetAsAPathOrWithoutLabels_IsAnError()
    {
        Assert.Equal("x.yaml:6:9: data.test: expected {images: FILE, labels: FILE} (IDX comes as two files per set), got 'fm/test-images.gz'",
            _folder.Error(Idx(test: "  test: fm/test-images.gz")));
        Assert.Equal("x.yaml:6:9: data.test.labels: required key 'labels' is missing",
            _folder.Error(Idx(test: "  test: {images: fm/test-images.gz}")));
    }

    [Fact]
    public void SpecLoader_Parse_FolderThatIsMissingOrAFile_IsNamed()
    {
        var yaml = SpecFolder.Lines("name: p", "data: {kind: images, format: folders, train: photos/trian, test: digits.csv}", "models: [lightgbm]");

        Assert.Equal(
            [
                $"x.yaml:2:46: data.train: folder not found: {At("photos", "trian")}; relative paths are resolved against {_folder.Root}; did you mean 'train'?",
                $"x.yaml:2:66: data.test: 'digits.csv' is a file ({At("digits.csv")}); expected a folder with one subfolder of images per class",
            ],
            _folder.Errors(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_RequiredImageKeys_AreReportedAtData()
    {
        Assert.Equal("x.yaml:2:1: data.format: required key 'format' is missing (one of idx, folders, csv_pixels)",
            _folder.Error(SpecFolder.Lines("name: p", "data:", "  kind: images", "  path: photos/train", "models: [lightgbm]")));
        Assert.Equal("x.yaml:2:1: data.path: required key 'path' is missing (or give the training set as train, with an optional test)",
            _folder.Error(SpecFolder.Lines("name: p", "data:", "  kind: images", "  format: folders", "models: [lightgbm]")));
        Assert.Equal("x.yaml:2:1: data.label: required key 'label' is missing",
            _folder.Error(SpecFolder.Lines("name: p", "data:", "  kind: images", "  format: csv_pixels", "  path: digits.csv", "models: [lightgbm]")));
    }

    [Fact]
    public void SpecLoader_Parse_PathAndTrainTogether_IsAnError()
    {
        Assert.Equal("x.yaml:2:66: data.train: give either path (one set, split by kfold or holdout) or train (with an optional test), not both",
            _folder.Error(SpecFolder.Lines("name: p", "data: {kind: images, format: folders, path: photos/train, train: photos/train}", "models: [lightgbm]")));
    }

    [Fact]
    public void SpecLoader_Parse_TestSetMethodWithoutATestSet_IsAnErrorAtMethod()
    {
        Assert.Equal("x.yaml:3:22: evaluation.method: test_set needs a separate test set (data.test), which only image data has for now; use kfold or holdout",
            _folder.Error(SpecFolder.Lines("name: t", "data: {path: data.csv, label: y}", "evaluation: {method: test_set}", "models: [sdca]")));
        Assert.Equal("x.yaml:3:22: evaluation.method: test_set needs a separate test set: add data.test (written like data.train), or use kfold or holdout",
            _folder.Error(SpecFolder.Lines("name: t", "data: {kind: images, format: folders, train: photos/train}", "evaluation: {method: test_set}", "models: [lightgbm]")));
    }

    [Fact]
    public void SpecLoader_Parse_TestSetWithKfold_IsAnErrorAtTest()
    {
        Assert.Equal("x.yaml:6:3: data.test: applies only to evaluation.method: test_set (method is kfold); kfold and holdout split data.train, so remove data.test or set evaluation.method: test_set",
            _folder.Error(Idx(evaluation: "evaluation: {method: kfold}")));
    }

    [Fact]
    public void SpecLoader_Parse_SplitKeysWithTestSet_AreErrors()
    {
        Assert.Equal(
            [
                "x.yaml:8:39: evaluation.folds: applies only to method: kfold (method is test_set); remove it or set method: kfold",
                "x.yaml:8:51: evaluation.repeats: applies only to method: kfold or holdout (method is test_set); remove it or set method: kfold",
            ],
            _folder.Errors(Idx(evaluation: "evaluation: {method: test_set, folds: 3, repeats: 2}")));
        Assert.Equal("x.yaml:8:24: evaluation.stratify: applies only to method: kfold or holdout (method is test_set by default, because data.test is given); remove it or set method: kfold",
            _folder.Error(Idx(evaluation: "evaluation: {stratify: true}")));
    }

    [Fact]
    public void SpecLoader_Parse_TabularStepsWithImages_AreErrors()
    {
        var yaml = Idx(evaluation: "preprocessing: [impute, normalize]").Replace("models: [lightgbm]", "models:\n  - {trainer: lightgbm, preprocessing: [{one_hot: {max_categories: 8}}]}", StringComparison.Ordinal);

        Assert.Equal(
            [
                "x.yaml:8:17: preprocessing[0]: step 'impute' does not apply to image data (pixels are never missing); images allow normalize and pca",
                "x.yaml:10:42: models[0].preprocessing[0]: step 'one_hot' does not apply to image data (pixels are numbers, not categories); images allow normalize and pca",
            ],
            _folder.Errors(yaml));
    }

    [Fact]
    public void SpecLoader_Parse_BadImageValues_AreErrors()
    {
        Assert.Equal("x.yaml:2:87: data.task: image data is classified: the task is binary (two classes) or multiclass, not regression",
            _folder.Error(SpecFolder.Lines("name: p", "data: {kind: images, format: folders, path: photos/train, image: {channels: 3}, task: regression}", "models: [lightgbm]")));
        Assert.Equal("x.yaml:2:77: data.image.channels: must be 1 (grayscale) or 3 (RGB), got 2",
            _folder.Error(SpecFolder.Lines("name: p", "data: {kind: images, format: folders, path: photos/train, image: {channels: 2}}", "models: [lightgbm]")));
        Assert.Equal("x.yaml:2:74: data.image.width: give height too: width and height go together",
            _folder.Error(SpecFolder.Lines("name: p", "data: {kind: images, format: folders, path: photos/train, image: {width: 2}}", "models: [lightgbm]")));
        Assert.Equal("x.yaml:7:16: data.classes[1]: 'a' is already class 0; class names must be unique",
            _folder.Error(Idx("  classes: [a, a]")));
    }

    [Fact]
    public void SpecLoader_Parse_ImageSizeKeyAtDataLevel_SaysItBelongsUnderImage()
    {
        Assert.Equal("x.yaml:7:3: data.width: unknown key; 'width' belongs under 'data.image'", _folder.Error(Idx("  width: 28")));
    }
}
