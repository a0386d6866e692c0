namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Max and average pooling over one CHW image, forward and backward, for a window geometry
/// (<see cref="ConvGeometry"/> with the pool size as kernel; the output keeps the channel count).
/// </summary>
/// <remarks>
/// Padding positions never win a max and are not counted in an average (ONNX <c>count_include_pad = 0</c>).
/// A max window with ties passes its gradient to the first maximum in row-major order.
/// </remarks>
internal static class PoolKernels
{
    /// <summary>
    /// <c>y[c, oy, ox] = max over the window</c>; when <paramref name="argmax"/> is not empty it receives, per output,
    /// the index of the winning input within the image (<c>c H W + y W + x</c>).
    /// </summary>
    public static void MaxForward(ConvGeometry g, ReadOnlySpan<float> x, Span<float> y, Span<int> argmax)
    {
        int h = g.Height, w = g.Width, outH = g.OutHeight, outW = g.OutWidth;
        var keep = !argmax.IsEmpty;
        if (g is { KernelHeight: 2, KernelWidth: 2, StrideH: 2, StrideW: 2, PadH: 0, PadW: 0 })
        {
            if (MaxPool2x2Avx512.Supported && x.Length >= g.InputSize && y.Length >= g.Channels * outH * outW
                && (!keep || argmax.Length >= y.Length))
            {
                unsafe
                {
                    fixed (float* px = x)
                    fixed (float* py = y)
                    fixed (int* pa = argmax)
                    {
                        MaxPool2x2Avx512.Forward(g, px, py, keep ? pa : null);
                    }
                }

                return;
            }

            MaxForward2x2(g, x, y, argmax);
            return;
        }

        for (var c = 0; c < g.Channels; c++)
        {
            var planeStart = c * h * w;
            var o = c * outH * outW;
            for (var oy = 0; oy < outH; oy++)
            {
                var y0 = (oy * g.StrideH) - g.PadH;
                for (var ox = 0; ox < outW; ox++, o++)
                {
                    var x0 = (ox * g.StrideW) - g.PadW;
                    var best = float.NegativeInfinity;
                    var at = -1;
                    for (var i = Math.Max(0, -y0); i < g.KernelHeight && y0 + i < h; i++)
                    {
                        var row = planeStart + ((y0 + i) * w);
                        for (var j = Math.Max(0, -x0); j < g.KernelWidth && x0 + j < w; j++)
                        {
                            var v = x[row + x0 + j];
                            if (v > best || at < 0)
                            {
                                best = v;
                                at = row + x0 + j;
                            }
                        }
                    }

                    y[o] = best;
                    if (keep)
                    {
                        argmax[o] = at;
                    }
                }
            }
        }
    }

    /// <summary>The common 2x2, stride 2 case: every input belongs to at most one window.</summary>
    internal static void MaxForward2x2(ConvGeometry g, ReadOnlySpan<float> x, Span<float> y, Span<int> argmax)
    {
        int h = g.Height, w = g.Width, outH = g.OutHeight, outW = g.OutWidth;
        var keep = !argmax.IsEmpty;
        var o = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            var planeStart = c * h * w;
            for (var oy = 0; oy < outH; oy++)
            {
                var top = planeStart + (2 * oy * w);
                var bottom = top + w;
                for (var ox = 0; ox < outW; ox++, o++)
                {
                    var left = 2 * ox;
                    float a = x[top + left], b = x[top + left + 1], d = x[bottom + left], e = x[bottom + left + 1];
                    var upper = b > a ? b : a;
                    var lower = e > d ? e : d;
                    var best = lower > upper ? lower : upper;
                    y[o] = best;
                    if (keep)
                    {
                        argmax[o] = lower > upper
                            ? (e > d ? bottom + left + 1 : bottom + left)
                            : (b > a ? top + left + 1 : top + left);
                    }
                }
            }
        }
    }

    /// <summary><c>dx[argmax[o]] += dy[o]</c> over a cleared dx (the adjoint of <see cref="MaxForward"/>).</summary>
    public static void MaxBackward(ReadOnlySpan<float> dy, ReadOnlySpan<int> argmax, Span<float> dx)
    {
        dx.Clear();
        for (var o = 0; o < dy.Length; o++)
        {
            dx[argmax[o]] += dy[o];
        }
    }

    /// <summary><c>y[c, oy, ox] = mean of the window's pixels inside the image</c>.</summary>
    public static void AverageForward(ConvGeometry g, ReadOnlySpan<float> x, Span<float> y)
    {
        int h = g.Height, w = g.Width, outH = g.OutHeight, outW = g.OutWidth;
        var o = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            var planeStart = c * h * w;
            for (var oy = 0; oy < outH; oy++)
            {
                var (i0, i1) = Clip((oy * g.StrideH) - g.PadH, g.KernelHeight, h);
                for (var ox = 0; ox < outW; ox++, o++)
                {
                    var (j0, j1) = Clip((ox * g.StrideW) - g.PadW, g.KernelWidth, w);
                    var sum = 0f;
                    for (var i = i0; i < i1; i++)
                    {
                        for (var j = j0; j < j1; j++)
                        {
                            sum += x[planeStart + (i * w) + j];
                        }
                    }

                    y[o] = sum / ((i1 - i0) * (j1 - j0));
                }
            }
        }
    }

    /// <summary>Spreads each <c>dy[o]</c> evenly over its window's pixels inside the image (the adjoint of <see cref="AverageForward"/>).</summary>
    public static void AverageBackward(ConvGeometry g, ReadOnlySpan<float> dy, Span<float> dx)
    {
        int h = g.Height, w = g.Width, outH = g.OutHeight, outW = g.OutWidth;
        dx[..g.InputSize].Clear();
        var o = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            var planeStart = c * h * w;
            for (var oy = 0; oy < outH; oy++)
            {
                var (i0, i1) = Clip((oy * g.StrideH) - g.PadH, g.KernelHeight, h);
                for (var ox = 0; ox < outW; ox++, o++)
                {
                    var (j0, j1) = Clip((ox * g.StrideW) - g.PadW, g.KernelWidth, w);
                    var share = dy[o] / ((i1 - i0) * (j1 - j0));
                    for (var i = i0; i < i1; i++)
                    {
                        for (var j = j0; j < j1; j++)
                        {
                            dx[planeStart + (i * w) + j] += share;
                        }
                    }
                }
            }
        }
    }

    /// <summary>The part [start, end) of a window starting at <paramref name="origin"/> that lies inside [0, size).</summary>
    private static (int Start, int End) Clip(int origin, int kernel, int size) =>
        (Math.Max(origin, 0), Math.Min(origin + kernel, size));
}
