using MLPipelines.Data.Images;
using MLPipelines.Spec;

namespace MLPipelines.Data.Tests.Images;

public sealed class ImageResizerTests
{
    [Fact]
    public void ImageResizer_Resize_AreaHalving_AveragesEachTwoByTwoBlock()
    {
        float[] source = [1, 3, 5, 7, 1, 3, 5, 7, 0, 0, 8, 8, 0, 0, 8, 8];
        var target = new float[4];

        ImageResizer.Resize(source, 4, 4, target, 2, 2, ResizeMethod.Area);

        Assert.Equal([2f, 6f, 0f, 8f], target);
    }

    [Fact]
    public void ImageResizer_Resize_AreaByAThird_WeightsPartialPixelsByOverlap()
    {
        // 3 -> 2 columns: target 0 covers [0, 1.5): 1 of pixel 0 and 0.5 of pixel 1, so (a + b/2) / 1.5.
        float[] source = [3, 6, 9];
        var target = new float[2];

        ImageResizer.Resize(source, 1, 3, target, 1, 2, ResizeMethod.Area);

        Assert.Equal((3 + 3) / 1.5f, target[0], 5);
        Assert.Equal((3 + 9) / 1.5f, target[1], 5);
    }

    [Fact]
    public void ImageResizer_Resize_BilinearDoubling_InterpolatesWithHalfPixelCentres()
    {
        float[] source = [0, 1];
        var target = new float[4];

        ImageResizer.Resize(source, 1, 2, target, 1, 4, ResizeMethod.Bilinear);

        // Target centres map to -0.25, 0.25, 0.75, 1.25 -> clamped 0, 0.25, 0.75, 1.
        Assert.Equal([0f, 0.25f, 0.75f, 1f], target);
    }

    [Theory]
    [InlineData(ResizeMethod.Area)]
    [InlineData(ResizeMethod.Bilinear)]
    public void ImageResizer_Resize_ConstantImage_StaysConstantAtAnySize(ResizeMethod method)
    {
        var source = Enumerable.Repeat(0.4f, 7 * 5).ToArray();
        var target = new float[3 * 11];

        ImageResizer.Resize(source, 7, 5, target, 3, 11, method);

        Assert.All(target, v => Assert.Equal(0.4f, v, 5));
    }

    [Fact]
    public void ImageResizer_Resize_SameSize_Copies_AndNoneRefusesOtherSizes()
    {
        float[] source = [1, 2, 3, 4];
        var same = new float[4];

        ImageResizer.Resize(source, 2, 2, same, 2, 2, ResizeMethod.None);

        Assert.Equal(source, same);
        Assert.Throws<ArgumentException>(() => ImageResizer.Resize(source, 2, 2, new float[1], 1, 1, ResizeMethod.None));
    }
}
