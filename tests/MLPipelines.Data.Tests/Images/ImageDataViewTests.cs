using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Data.Images;
using MLPipelines.Results;

namespace MLPipelines.Data.Tests.Images;

public sealed class ImageDataViewTests
{
    private static ImageDataset Digits() =>
        CsvPixelReader.Read(TestPaths.Dataset("digits.csv"), new CsvPixelOptions { Label = "digit", PixelMax = 16 });

    private static ImageDataset TwoClasses()
    {
        var path = TestPaths.WriteCsv("y,p0,p1,p2,p3\nno,0,0,0,0\nyes,255,255,255,255\nno,1,2,3,4\n");
        return CsvPixelReader.Read(path, new CsvPixelOptions { Label = "y" });
    }

    [Fact]
    public void ImageDataView_Schema_LabelIsKeyNamedByClassesAndFeaturesHasOneSlotPerPixel()
    {
        var view = Digits().ToDataView();

        var label = view.Schema["Label"];
        var features = view.Schema["Features"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        label.GetKeyValues(ref names);

        Assert.Equal(10UL, Assert.IsType<KeyDataViewType>(label.Type).Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)), names.DenseValues().Select(n => n.ToString()));
        Assert.Equal(new VectorDataViewType(NumberDataViewType.Single, 64), features.Type);
        Assert.Equal(1797, view.GetRowCount());
    }

    [Fact]
    public void ImageDataView_Cursor_ReadsPixelsAndOneBasedKeysOfTheSelectedRows()
    {
        var data = Digits();
        var view = data.ToDataView().Select([5, 2]);

        var rows = new List<(uint Label, float[] Pixels)>();
        using (var cursor = view.GetRowCursor(view.Schema))
        {
            var label = cursor.GetGetter<uint>(view.Schema["Label"]);
            var features = cursor.GetGetter<VBuffer<float>>(view.Schema["Features"]);
            uint key = 0;
            VBuffer<float> pixels = default;
            while (cursor.MoveNext())
            {
                label(ref key);
                features(ref pixels);
                rows.Add((key, pixels.DenseValues().ToArray()));
            }
        }

        Assert.Equal(2, rows.Count);
        Assert.Equal((uint)data.Labels[5] + 1, rows[0].Label);
        Assert.Equal(data.GetImage(5).ToArray(), rows[0].Pixels);
        Assert.Equal(data.GetImage(2).ToArray(), rows[1].Pixels);
    }

    [Fact]
    public void ImageDataView_BinaryTask_LabelIsTrueForTheSecondClass()
    {
        var view = TwoClasses().ToDataView(TaskKind.Binary);

        var labels = new MLContext().Data.CreateEnumerable<BinaryRow>(view, reuseRowObject: false).Select(r => r.Label).ToArray();

        Assert.Equal(BooleanDataViewType.Instance, view.Schema["Label"].Type);
        Assert.Equal([false, true, false], labels);
        Assert.Throws<ArgumentException>(() => Digits().ToDataView(TaskKind.Binary));
        Assert.Throws<ArgumentException>(() => Digits().ToDataView(TaskKind.Regression));
    }

    [Fact]
    public void ImageDataView_Shuffle_PermutesTheSelectedRowsOnly()
    {
        var view = Digits().ToDataView().Select([0, 1, 2, 3, 4, 5, 6, 7]);

        var ids = new List<ulong>();
        using (var cursor = view.GetRowCursor(view.Schema, new Random(3)))
        {
            var id = cursor.GetIdGetter();
            DataViewRowId value = default;
            while (cursor.MoveNext())
            {
                id(ref value);
                ids.Add(value.Low);
            }
        }

        Assert.Equal(Enumerable.Range(0, 8).Select(i => (ulong)i), ids.Order());
        Assert.NotEqual(Enumerable.Range(0, 8).Select(i => (ulong)i), ids);
    }

    [Fact]
    public void ImageDataView_LightGbm_TrainsOnFlattenedPixels()
    {
        var data = Digits();
        var ml = new MLContext(seed: 1);
        var train = data.ToDataView().Select([.. Enumerable.Range(0, 1797).Where(i => i % 4 != 0)]);
        var test = data.ToDataView().Select([.. Enumerable.Range(0, 1797).Where(i => i % 4 == 0)]);

        // The only LightGBM fit in this test process, so it needs no gate (Core's NativeFitGate serializes fits that run in parallel).
        var trainer = ml.MulticlassClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmMulticlassTrainer.Options
        {
            NumberOfIterations = 30,
            NumberOfThreads = 1,
            Seed = 1,
        });
        var model = trainer.Fit(train);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test));

        Assert.True(metrics.MicroAccuracy > 0.9, $"accuracy {metrics.MicroAccuracy}");
    }

    private sealed class BinaryRow
    {
        public bool Label { get; set; }
    }
}
