using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// 2x2, stride 2 max pooling of one CHW image with AVX-512, 16 outputs per step: two rows of 32 inputs are
/// split into even and odd columns (a permute), then compared as <see cref="PoolKernels.MaxForward"/> does
/// (same choice on ties, so the same outputs and winners), without the branches that random data mispredicts.
/// </summary>
internal static unsafe class MaxPool2x2Avx512
{
    public static bool Supported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    public static void Forward(ConvGeometry g, float* x, float* y, int* argmax)
    {
        int h = g.Height, w = g.Width, outH = g.OutHeight, outW = g.OutWidth;
        var lanes = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        var even = lanes * 2;
        var odd = even + Vector512<int>.One;
        var o = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            for (var oy = 0; oy < outH; oy++, o += outW)
            {
                var topIndex = (c * h * w) + (2 * oy * w);
                var top = x + topIndex;
                var bottom = top + w;
                for (var ox = 0; ox < outW; ox += 16)
                {
                    var inputs = Vector512.Create(2 * (outW - ox)) - lanes;
                    var m0 = Vector512.GreaterThan(inputs, Vector512<int>.Zero).AsSingle();
                    var m1 = Vector512.GreaterThan(inputs, Vector512.Create(16)).AsSingle();
                    var t0 = Avx512F.MaskLoad(top + (2 * ox), m0, Vector512<float>.Zero);
                    var t1 = Avx512F.MaskLoad(top + (2 * ox) + 16, m1, Vector512<float>.Zero);
                    var b0 = Avx512F.MaskLoad(bottom + (2 * ox), m0, Vector512<float>.Zero);
                    var b1 = Avx512F.MaskLoad(bottom + (2 * ox) + 16, m1, Vector512<float>.Zero);
                    var a = Avx512F.PermuteVar16x32x2(t0, even, t1);
                    var b = Avx512F.PermuteVar16x32x2(t0, odd, t1);
                    var d = Avx512F.PermuteVar16x32x2(b0, even, b1);
                    var e = Avx512F.PermuteVar16x32x2(b0, odd, b1);
                    var cTop = Vector512.GreaterThan(b, a);
                    var upper = Vector512.ConditionalSelect(cTop, b, a);
                    var cBottom = Vector512.GreaterThan(e, d);
                    var lower = Vector512.ConditionalSelect(cBottom, e, d);
                    var cVertical = Vector512.GreaterThan(lower, upper);
                    var store = Vector512.LessThan(lanes, Vector512.Create(outW - ox));
                    Avx512F.MaskStore(y + o + ox, store.AsSingle(), Vector512.ConditionalSelect(cVertical, lower, upper));
                    if (argmax != null)
                    {
                        // Winner index in the image: top-left + (right ? 1 : 0) + (bottom ? w : 0); a true mask lane is -1.
                        var left = Vector512.Create(topIndex + (2 * ox)) + even;
                        var upperAt = left - cTop.AsInt32();
                        var lowerAt = left + Vector512.Create(w) - cBottom.AsInt32();
                        Avx512F.MaskStore(argmax + o + ox, store, Vector512.ConditionalSelect(cVertical.AsInt32(), lowerAt, upperAt));
                    }
                }
            }
        }
    }
}
