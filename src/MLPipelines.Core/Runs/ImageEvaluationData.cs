using Microsoft.ML;
using MLPipelines.Core.Preprocessing;
using MLPipelines.Data;
using MLPipelines.Data.Images;
using MLPipelines.Results;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// Images as the runner sees them: one <see cref="ImageDataView"/> over the training images (split by kfold or
/// holdout) or, for <c>test_set</c>, over the training images followed by the test images (one split: train on
/// the first, score on the second). Permutation importance shuffles square blocks of pixel positions.
/// </summary>
internal sealed class ImageEvaluationData : IEvaluationData
{
    /// <summary>Blocks per image side the importance grid aims at (7 x 7 blocks of 4 x 4 pixels for 28 x 28 images).</summary>
    public const int GridSide = 7;

    private readonly ImageDataset _all;
    private readonly ImageDataView _view;
    private readonly int _trainCount;
    private readonly int[] _testClassCounts;
    private readonly IReadOnlyList<SkippedImage> _skipped;
    private readonly List<string> _warnings;
    private readonly int[][] _blocks;

    private ImageEvaluationData(ImageData data)
    {
        Task = data.Task;
        Shape = data.Shape;
        if (data.Test is not null)
        {
            var (all, train, test) = data.CombineForTestSet();
            _all = all;
            TestSet = (train, test);
            _testClassCounts = data.Test.ClassCounts();
        }
        else
        {
            _all = data.Train;
            _testClassCounts = [];
        }

        _trainCount = data.Train.Count;
        _skipped = data.Skipped;
        _warnings = [.. data.Warnings];
        if (_skipped.Count > 0)
        {
            _warnings.Add($"{_skipped.Count} unreadable image file(s) were left out (data.skip_unreadable), e.g. {_skipped[0].Path}: {_skipped[0].Reason}");
        }

        _view = _all.ToDataView(Task);
        Label = _all.ToLabelInfo(Task);
        (_blocks, ImportanceUnits) = Blocks(Shape);
    }

    public TaskKind Task { get; }

    public ImageShape Shape { get; }

    /// <summary>For <c>test_set</c>: the training rows and the test rows of <see cref="All"/>; null otherwise.</summary>
    public (int[] Train, int[] Test)? TestSet { get; }

    public LabelInfo Label { get; }

    public int RowCount => _all.Count;

    public IDataView All => _view;

    public bool HasSources => true;

    public ImportanceUnits ImportanceUnits { get; }

    public IReadOnlyList<string> Warnings => _warnings;

    public string Summary =>
        $"{_all.Origin}: {_trainCount} training images{(TestSet is { } t ? $" + {t.Test.Length} test images" : "")} of {Shape}, {Label.Classes.Count} classes, {Task.ToString().ToLowerInvariant()}";

    /// <summary>Reads the images <paramref name="spec"/> names.</summary>
    /// <exception cref="ImageDataException">A file or image cannot be used.</exception>
    public static ImageEvaluationData Load(PipelineSpec spec) => new(ImageDatasetLoader.Load(spec));

    public IDataView Select(int[] rows) => _view.Select(rows);

    public FeatureChain BuildFeatures(MLContext ml, IReadOnlyList<PreprocessingStepSpec> steps, string trainerFamily, string stepsKey)
    {
        var features = ImageFeaturePipeline.Build(ml, steps, Shape, stepsKey);
        return new FeatureChain(features.Estimator, features.Normalized, features.Steps, features.Shape, Cache: steps.Count > 0);
    }

    public int RowNumber(int row) => row < _trainCount ? row + 1 : row - _trainCount + 1;

    public string? SourceOf(int row) => DisplayPath.Of(_all.SourceOf(row));

    public IDataView Permute(int[] rows, int unit, int[] sources) => _view.WithPixelsFrom(rows, sources, _blocks[unit]);

    public void SaveModel(MLContext ml, ITransformer model, ModelMetadata metadata, string path) => ModelPackage.Save(ml, model, _view.Schema, metadata, path);

    public ModelMetadata Metadata(PipelineSpec spec) => new()
    {
        Pipeline = spec.Name,
        Task = Task.ToString().ToLowerInvariant(),
        Label = spec.Data.Label,
        Classes = Label.Classes,
        Inputs = [new ModelInputColumn(ImageDataView.FeatureColumn, $"pixels {Shape} in [0, 1]", true)],
        Image = new ModelImageShape(Shape.Channels, Shape.Height, Shape.Width),
        TrainingRows = TestSet is { } t ? t.Train.Length : RowCount,
    };

    public DatasetResult Describe(PipelineSpec spec)
    {
        var data = spec.Data;
        var train = data.TrainingImages!;
        var counts = new int[Label.Classes.Count];
        for (var i = 0; i < _trainCount; i++)
        {
            counts[Label.ClassIndex[i]]++;
        }

        return new DatasetResult
        {
            Path = DisplayPath.Of(train.Images),
            Rows = _trainCount,
            Features = Shape.Size,
            Kind = "images",
            Label = data.Label,
            Classes = Label.Classes,
            ClassCounts = counts,
            PositiveClass = Label.PositiveClass,
            Images = new ImageDatasetResult
            {
                Format = YamlNames.FormatName(data),
                Train = DisplayPath.Of(train.Images),
                TrainLabels = train.Labels is { } labels ? DisplayPath.Of(labels) : null,
                Test = data.Test is { } test ? DisplayPath.Of(test.Images) : null,
                TestLabels = data.Test?.Labels is { } testLabels ? DisplayPath.Of(testLabels) : null,
                TrainImages = _trainCount,
                TestImages = RowCount - _trainCount,
                TestClassCounts = _testClassCounts,
                Channels = Shape.Channels,
                Height = Shape.Height,
                Width = Shape.Width,
                Skipped = _skipped.Count,
                SkippedFiles = [.. _skipped.Take(20).Select(s => new SkippedFileResult(s.Path, s.Reason))],
            },
        };
    }

    /// <summary>
    /// Square blocks of about side/<see cref="GridSide"/> pixels covering the image (the last row and column of
    /// blocks may be smaller), each with every channel's pixel indices.
    /// </summary>
    private static (int[][] Blocks, ImportanceUnits Units) Blocks(ImageShape shape)
    {
        var size = Math.Max(1, (int)Math.Ceiling(Math.Max(shape.Height, shape.Width) / (double)GridSide));
        var rows = (shape.Height + size - 1) / size;
        var columns = (shape.Width + size - 1) / size;
        var blocks = new List<int[]>(rows * columns);
        var names = new List<string>(rows * columns);
        for (var gy = 0; gy < rows; gy++)
        {
            for (var gx = 0; gx < columns; gx++)
            {
                var pixels = new List<int>();
                for (var c = 0; c < shape.Channels; c++)
                {
                    for (var y = gy * size; y < Math.Min(shape.Height, (gy + 1) * size); y++)
                    {
                        for (var x = gx * size; x < Math.Min(shape.Width, (gx + 1) * size); x++)
                        {
                            pixels.Add(shape.IndexOf(c, y, x));
                        }
                    }
                }

                blocks.Add([.. pixels]);
                names.Add($"block r{gy} c{gx}");
            }
        }

        return ([.. blocks], new ImportanceUnits(names, "image_blocks", new ImportanceGridResult(rows, columns, size)));
    }
}
