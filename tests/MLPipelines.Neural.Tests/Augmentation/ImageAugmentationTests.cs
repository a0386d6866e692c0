using MLPipelines.Neural.Augmentation;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Augmentation;

public sealed class ImageAugmentationTests
{
    /// <summary>Images whose pixel values encode (image, channel, row, column), so every move is traceable.</summary>
    private static Tensor Batch(int n, int channels, int h, int w)
    {
        var t = new Tensor(n, new TensorShape(channels, h, w));
        for (var i = 0; i < t.Length; i++)
        {
            t.Data[i] = i + 1;
        }

        return t;
    }

    private static float[] Augment(ImageAugmentationOptions options, int seed, long step, int threads, Tensor? batch = null)
    {
        batch ??= Batch(24, 2, 9, 7);
        new ImageAugmentation(options, seed).Apply(batch, step, threads);
        return batch.Span.ToArray();
    }

    private static ImageAugmentationOptions All() =>
        new() { CropPadding = 3, HorizontalFlip = true, ErasingProbability = 0.5f, FillValue = -1f };

    [Fact]
    public void ImageAugmentation_Apply_SameSeedAndStepGiveSameImagesForAnyThreadCount()
    {
        var one = Augment(All(), seed: 5, step: 17, threads: 1);
        var two = Augment(All(), seed: 5, step: 17, threads: 2);

        Assert.Equal(one, two);
        Assert.NotEqual(Batch(24, 2, 9, 7).Span.ToArray(), one);
    }

    [Fact]
    public void ImageAugmentation_Apply_OtherStepOrSeedGivesOtherImages()
    {
        var reference = Augment(All(), seed: 5, step: 17, threads: 1);

        Assert.NotEqual(reference, Augment(All(), seed: 5, step: 18, threads: 1));
        Assert.NotEqual(reference, Augment(All(), seed: 6, step: 17, threads: 1));
    }

    [Fact]
    public void ImageAugmentation_FlipOnly_MirrorsOrKeepsEachImage()
    {
        // Given flips only, over many images
        var original = Batch(40, 2, 4, 5);
        var flipped = Batch(40, 2, 4, 5);
        new ImageAugmentation(new ImageAugmentationOptions { HorizontalFlip = true }, 3).Apply(flipped, 0, 2);

        // Then each image is unchanged or mirrored left-right in every channel, and both happen
        var mirrored = 0;
        for (var n = 0; n < 40; n++)
        {
            var a = original.Row(n).ToArray();
            var b = flipped.Row(n).ToArray();
            if (a.SequenceEqual(b))
            {
                continue;
            }

            mirrored++;
            for (var c = 0; c < 2; c++)
            {
                for (var y = 0; y < 4; y++)
                {
                    for (var x = 0; x < 5; x++)
                    {
                        Assert.Equal(a[(c * 20) + (y * 5) + (4 - x)], b[(c * 20) + (y * 5) + x]);
                    }
                }
            }
        }

        Assert.InRange(mirrored, 8, 32);
    }

    [Fact]
    public void ImageAugmentation_CropOnly_ShiftsByAtMostThePaddingAndFillsTheRest()
    {
        var original = Batch(30, 1, 6, 6);
        var cropped = Batch(30, 1, 6, 6);
        new ImageAugmentation(new ImageAugmentationOptions { CropPadding = 2, FillValue = -7f }, 9).Apply(cropped, 4, 1);

        for (var n = 0; n < 30; n++)
        {
            var src = original.Row(n).ToArray();
            var dst = cropped.Row(n).ToArray();

            // Then some shift (dy, dx) in [-2, 2]^2 explains every pixel: a moved pixel or the fill value
            var explained = false;
            for (var dy = -2; dy <= 2 && !explained; dy++)
            {
                for (var dx = -2; dx <= 2 && !explained; dx++)
                {
                    explained = Enumerable.Range(0, 36).All(i =>
                    {
                        int y = (i / 6) + dy, x = (i % 6) + dx;
                        var expected = y is >= 0 and < 6 && x is >= 0 and < 6 ? src[(y * 6) + x] : -7f;
                        return dst[i] == expected;
                    });
                }
            }

            Assert.True(explained, $"image {n} is not a shifted copy of the original");
        }
    }

    [Fact]
    public void ImageAugmentation_ErasingAlways_SetsOneRectangleToTheFillValue()
    {
        var batch = Batch(10, 3, 12, 12);
        new ImageAugmentation(new ImageAugmentationOptions { ErasingProbability = 1f, FillValue = 0f }, 2).Apply(batch, 0, 2);

        for (var n = 0; n < 10; n++)
        {
            var image = batch.Row(n).ToArray();
            var erased = Enumerable.Range(0, 144).Where(i => image[i] == 0f).ToArray();
            Assert.NotEmpty(erased);

            // The erased pixels of channel 0 form a filled rectangle, repeated in channels 1 and 2.
            int top = erased.Min(i => i / 12), bottom = erased.Max(i => i / 12), left = erased.Min(i => i % 12), right = erased.Max(i => i % 12);
            Assert.Equal((bottom - top + 1) * (right - left + 1), erased.Length);
            Assert.Equal(3 * erased.Length, image.Count(v => v == 0f));
        }
    }

    [Fact]
    public void ImageAugmentation_Apply_RejectsFlatSamples()
    {
        var flat = new Tensor(2, TensorShape.Vector(10));
        var ex = Assert.Throws<ArgumentException>(() => new ImageAugmentation(All(), 1).Apply(flat, 0, 1));
        Assert.Contains("[channels, height, width]", ex.Message);
    }

    [Fact]
    public void ImageAugmentationOptions_Validate_RejectsOutOfRangeValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmentation(new ImageAugmentationOptions { CropPadding = -1 }, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmentation(new ImageAugmentationOptions { ErasingProbability = 1.5f }, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageAugmentation(new ImageAugmentationOptions { ErasingMinArea = 0.5f, ErasingMaxArea = 0.2f }, 1));
    }
}
