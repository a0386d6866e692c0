using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Augmentation;

/// <summary>
/// Per-image random crop with padding, horizontal flip and random erasing of a batch of images <c>[C, H, W]</c>,
/// applied in place each training step (see <see cref="ImageAugmentationOptions"/>). Pixel
/// <c>out[c, y, x] = in[c, y + dy, (flip ? W - 1 - x : x) + dx]</c> (the fill value outside the image), then
/// the erased rectangle, if any.
/// </summary>
/// <remarks>
/// Every image draws its offsets, flip and rectangle from its own generator keyed by (seed, step, index in the
/// batch), and images run in parallel, so the result is the same for any thread count.
/// </remarks>
public sealed class ImageAugmentation : IBatchAugmentation
{
    /// <summary>Attempts at drawing an erasing rectangle that fits before giving up for that image (as torchvision).</summary>
    private const int ErasingAttempts = 10;

    private readonly ImageAugmentationOptions _options;
    private readonly int _seed;
    private readonly DelegateJob _job;
    private readonly WorkerScratch _scratch = new();
    private Tensor? _batch;
    private long _step;

    /// <summary>Creates the augmentation; <paramref name="seed"/> fixes every random choice together with the step.</summary>
    public ImageAugmentation(ImageAugmentationOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _seed = seed;
        _job = new DelegateJob(AugmentImage);
    }

    /// <summary>The settings in use.</summary>
    public ImageAugmentationOptions Options => _options;

    /// <inheritdoc />
    public void Apply(Tensor batch, long step, int threads)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.SampleShape.Rank != 3)
        {
            throw new ArgumentException($"Image augmentation expects samples [channels, height, width], got {batch.SampleShape}.", nameof(batch));
        }

        if (!_options.Enabled)
        {
            return;
        }

        _batch = batch;
        _step = step;
        _job.Run(batch.Batch, threads);
        _batch = null;
    }

    private void AugmentImage(int n, int worker)
    {
        var shape = _batch!.SampleShape;
        int channels = shape[0], h = shape[1], w = shape[2];
        var image = _batch.Row(n);
        var random = new SampleRandom(_seed, _step, n);
        int dy = 0, dx = 0;
        var p = _options.CropPadding;
        if (p > 0)
        {
            dy = random.NextInt((2 * p) + 1) - p;
            dx = random.NextInt((2 * p) + 1) - p;
        }

        var flip = _options.HorizontalFlip && random.Chance(0.5);
        if (dy != 0 || dx != 0 || flip)
        {
            var source = _scratch.Get(worker, image.Length);
            image.CopyTo(source);
            Shift(source, image, channels, h, w, dy, dx, flip, _options.FillValue);
        }

        if (_options.ErasingProbability > 0 && random.Chance(_options.ErasingProbability))
        {
            Erase(image, channels, h, w, ref random);
        }
    }

    private static void Shift(ReadOnlySpan<float> source, Span<float> image, int channels, int h, int w, int dy, int dx, bool flip, float fill)
    {
        for (var c = 0; c < channels; c++)
        {
            var plane = c * h * w;
            for (var y = 0; y < h; y++)
            {
                var row = image.Slice(plane + (y * w), w);
                var sy = y + dy;
                if ((uint)sy >= (uint)h)
                {
                    row.Fill(fill);
                    continue;
                }

                var sourceRow = source.Slice(plane + (sy * w), w);
                for (var x = 0; x < w; x++)
                {
                    var sx = (flip ? w - 1 - x : x) + dx;
                    row[x] = (uint)sx < (uint)w ? sourceRow[sx] : fill;
                }
            }
        }
    }

    private void Erase(Span<float> image, int channels, int h, int w, ref SampleRandom random)
    {
        var o = _options;
        var logMin = Math.Log(o.ErasingMinAspect);
        for (var attempt = 0; attempt < ErasingAttempts; attempt++)
        {
            var area = h * w * (o.ErasingMinArea + ((o.ErasingMaxArea - o.ErasingMinArea) * random.NextDouble()));
            var aspect = Math.Exp(logMin + (-2 * logMin * random.NextDouble()));
            var eh = (int)Math.Round(Math.Sqrt(area * aspect));
            var ew = (int)Math.Round(Math.Sqrt(area / aspect));
            if (eh < 1 || ew < 1 || eh >= h || ew >= w)
            {
                continue;
            }

            var top = random.NextInt(h - eh + 1);
            var left = random.NextInt(w - ew + 1);
            for (var c = 0; c < channels; c++)
            {
                for (var y = top; y < top + eh; y++)
                {
                    image.Slice((c * h * w) + (y * w) + left, ew).Fill(o.FillValue);
                }
            }

            return;
        }
    }
}
