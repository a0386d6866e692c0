using MLPipelines.Data.Images;
using MLPipelines.Spec;

namespace MLPipelines.Data.Tests.Images;

public sealed class CsvPixelReaderTests
{
    private static string Csv(string text, string name = "pixels.csv") => TestPaths.WriteCsv(text, name);

    [Fact]
    public void CsvPixelReader_Read_Digits_InfersEightByEightAndScalesByPixelMax()
    {
        var path = TestPaths.Dataset("digits.csv");

        var data = CsvPixelReader.Read(path, new CsvPixelOptions { Label = "digit", PixelMax = 16 });

        Assert.Equal(1797, data.Count);
        Assert.Equal(new ImageShape(1, 8, 8), data.Shape);
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)), data.Classes);
        Assert.Equal(0, data.Labels[0]);
        // Row 1: 0,0,5,13,9,1,0,0,...
        Assert.Equal([0f, 0f, 5 / 16f, 13 / 16f, 9 / 16f, 1 / 16f, 0f, 0f], data.GetImage(0)[..8].ToArray());
        Assert.All(data.Pixels.ToArray(), v => Assert.InRange(v, 0f, 1f));
        Assert.Equal($"{path}:2 (row 1)", data.SourceOf(0));
    }

    [Fact]
    public void CsvPixelReader_Read_LabelInAnyColumnAndQuoted_OtherColumnsArePixelsInOrder()
    {
        var path = Csv("p0;p1;kind;p2;p3\n0;10;\"cat; big\";20;30\n255;0;dog;0;0\n");

        var data = CsvPixelReader.Read(path, new CsvPixelOptions { Label = "kind" });

        Assert.Equal(["cat; big", "dog"], data.Classes);
        Assert.Equal(new ImageShape(1, 2, 2), data.Shape);
        Assert.Equal([0f, 10 / 255f, 20 / 255f, 30 / 255f], data.GetImage(0).ToArray());
    }

    [Fact]
    public void CsvPixelReader_Read_ExplicitRgbShape_IsUsed()
    {
        var path = Csv("y,r0,r1,g0,g1,b0,b1\na,1,2,3,4,5,6\nb,0,0,0,0,0,0\n");

        var data = CsvPixelReader.Read(path, new CsvPixelOptions { Label = "y", Shape = new ImageShape(3, 1, 2), PixelMax = 6 });

        Assert.Equal(new ImageShape(3, 1, 2), data.Shape);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }.Select(v => v / 6f), data.GetImage(0).ToArray());
    }

    [Fact]
    public void CsvPixelReader_Read_ValueAbovePixelMax_NamesRowAndColumn()
    {
        var path = Csv("digit,p0,p1,p2,p3\n1,0,0,0,0\n2,0,17,0,0\n");

        var e = Assert.Throws<ImageDataException>(() => CsvPixelReader.Read(path, new CsvPixelOptions { Label = "digit", PixelMax = 16 }));

        Assert.Equal($"{path}:3: row 2, column 'p1': 17 is outside 0..16 (pixel values are divided by data.pixel_max = 16)", e.Message);
    }

    [Fact]
    public void CsvPixelReader_Read_TextOrMissingPixel_NamesRowAndColumn()
    {
        var text = Csv("y,p0,p1,p2,p3\n1,0,x,0,0\n");
        var missing = Csv("y,p0,p1,p2,p3\n1,0,0,,0\n", "missing.csv");

        Assert.Equal($"{text}:2: row 1, column 'p1': 'x' is not a number",
            Assert.Throws<ImageDataException>(() => CsvPixelReader.Read(text, new CsvPixelOptions { Label = "y" })).Message);
        Assert.Equal($"{missing}:2: row 1, column 'p2': missing pixel value",
            Assert.Throws<ImageDataException>(() => CsvPixelReader.Read(missing, new CsvPixelOptions { Label = "y" })).Message);
    }

    [Fact]
    public void CsvPixelReader_Read_ShapeProblems_StateExpectedAndActual()
    {
        var path = Csv("y,p0,p1,p2\na,0,0,0\nb,1,1,1\n");

        var notSquare = Assert.Throws<ImageDataException>(() => CsvPixelReader.Read(path, new CsvPixelOptions { Label = "y" }));
        var wrongShape = Assert.Throws<ImageDataException>(() =>
            CsvPixelReader.Read(path, new CsvPixelOptions { Label = "y", Shape = new ImageShape(1, 2, 2) }));

        Assert.Equal($"{path}: the file has 3 pixel columns, which is not a square number of pixels; give the shape with data.image: {{width, height, channels}}", notSquare.Message);
        Assert.Equal($"{path}: the file has 3 pixel columns (every column but the label), but images of 1x2x2 (channels x height x width) need 4", wrongShape.Message);
    }

    [Fact]
    public void CsvPixelReader_Read_LabelProblems_AreNamed()
    {
        var path = Csv("Digit,p0\n1,0\n2,1\n");
        var ragged = Csv("y,p0\n1,0,5\n", "ragged.csv");

        Assert.Equal($"{path}: label column 'digit' is not in the header; did you mean 'Digit'?",
            Assert.Throws<ImageDataException>(() => CsvPixelReader.Read(path, new CsvPixelOptions { Label = "digit" })).Message);
        Assert.Equal($"{ragged}:2: row 1: too many fields: 3, but the header has 2 (separator ',')",
            Assert.Throws<ImageDataException>(() => CsvPixelReader.Read(ragged, new CsvPixelOptions { Label = "y" })).Message);
    }

    [Fact]
    public void CsvPixelReader_Read_TestSetWithTrainingClasses_RejectsAnUnknownLabel()
    {
        var path = Csv("y,p0\n1,0\n7,1\n");

        var e = Assert.Throws<ImageDataException>(() => CsvPixelReader.Read(path, new CsvPixelOptions { Label = "y", Classes = ["1", "2"] }));

        Assert.Equal($"{path}:3: row 2, column 'y': label '7' is not one of the training classes (1, 2)", e.Message);
    }
}
