using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Vectorized passes of a per-channel batch norm over one image plane (Vector512, Vector256 or scalar),
/// with an optional fused leaky ReLU (<c>slope</c> 0 = ReLU, <c>fused</c> false = identity).
/// </summary>
/// <remarks>Each function sums a plane in a fixed order that depends only on its length.</remarks>
internal static class ChannelNormKernels
{
    /// <summary><c>sum over i of (x_i - mean)^2</c>.</summary>
    public static float SquaredDeviations(ReadOnlySpan<float> x, float mean)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        var n = x.Length;
        var i = 0;
        var total = 0f;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            var m = Vector512.Create(mean);
            var acc = Vector512<float>.Zero;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var d = Vector512.LoadUnsafe(ref xr, (nuint)i) - m;
                acc = Vector512.FusedMultiplyAdd(d, d, acc);
            }

            total = Vector512.Sum(acc);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            var m = Vector256.Create(mean);
            var acc = Vector256<float>.Zero;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var d = Vector256.LoadUnsafe(ref xr, (nuint)i) - m;
                acc = Vector256.FusedMultiplyAdd(d, d, acc);
            }

            total = Vector256.Sum(acc);
        }

        for (; i < n; i++)
        {
            var d = Unsafe.Add(ref xr, i) - mean;
            total = MathF.FusedMultiplyAdd(d, d, total);
        }

        return total;
    }

    /// <summary><c>y = f(x scale + shift)</c>, f the fused activation or the identity.</summary>
    public static void Affine(ReadOnlySpan<float> x, Span<float> y, float scale, float shift, bool fused, float slope)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var n = x.Length;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(scale);
            var t = Vector512.Create(shift);
            var k = Vector512.Create(fused ? slope : 1f);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var v = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref xr, (nuint)i), s, t);
                Vector512.ConditionalSelect(Vector512.GreaterThan(v, Vector512<float>.Zero), v, v * k).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            var t = Vector256.Create(shift);
            var k = Vector256.Create(fused ? slope : 1f);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var v = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref xr, (nuint)i), s, t);
                Vector256.ConditionalSelect(Vector256.GreaterThan(v, Vector256<float>.Zero), v, v * k).StoreUnsafe(ref yr, (nuint)i);
            }
        }

        var tail = fused ? slope : 1f;
        for (; i < n; i++)
        {
            var v = MathF.FusedMultiplyAdd(Unsafe.Add(ref xr, i), scale, shift);
            Unsafe.Add(ref yr, i) = v > 0f ? v : v * tail;
        }
    }

    /// <summary>
    /// Backward sums over one plane: <c>sumG += g</c>, <c>sumGX += g xhat</c> with <c>g = dy f'(z)</c>,
    /// <c>z = x scale + shift</c> (recomputed exactly as <see cref="Affine"/> did, so the sign of z is the forward's),
    /// and <c>xhat = (x - mean) invStd</c>.
    /// </summary>
    public static (float SumG, float SumGX) GradientSums(
        ReadOnlySpan<float> x, ReadOnlySpan<float> dy, float scale, float shift, float mean, float invStd, bool fused, float slope)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var gr = ref MemoryMarshal.GetReference(dy);
        var n = x.Length;
        var i = 0;
        float sumG = 0f, sumGX = 0f;
        var k = fused ? slope : 1f;
        if (Vector512.IsHardwareAccelerated && n >= Vector512<float>.Count)
        {
            var m = Vector512.Create(mean);
            var inv = Vector512.Create(invStd);
            var kv = Vector512.Create(k);
            var sv = Vector512.Create(scale);
            var tv = Vector512.Create(shift);
            var accG = Vector512<float>.Zero;
            var accGX = Vector512<float>.Zero;
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var xv = Vector512.LoadUnsafe(ref xr, (nuint)i);
                var gv = Vector512.LoadUnsafe(ref gr, (nuint)i);
                gv = Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.FusedMultiplyAdd(xv, sv, tv), Vector512<float>.Zero), gv, gv * kv);
                var xhat = (xv - m) * inv;
                accG += gv;
                accGX = Vector512.FusedMultiplyAdd(gv, xhat, accGX);
            }

            sumG = Vector512.Sum(accG);
            sumGX = Vector512.Sum(accGX);
        }
        else if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            var m = Vector256.Create(mean);
            var inv = Vector256.Create(invStd);
            var kv = Vector256.Create(k);
            var sv = Vector256.Create(scale);
            var tv = Vector256.Create(shift);
            var accG = Vector256<float>.Zero;
            var accGX = Vector256<float>.Zero;
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
                var gv = Vector256.LoadUnsafe(ref gr, (nuint)i);
                gv = Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256.FusedMultiplyAdd(xv, sv, tv), Vector256<float>.Zero), gv, gv * kv);
                var xhat = (xv - m) * inv;
                accG += gv;
                accGX = Vector256.FusedMultiplyAdd(gv, xhat, accGX);
            }

            sumG = Vector256.Sum(accG);
            sumGX = Vector256.Sum(accGX);
        }

        for (; i < n; i++)
        {
            var g = Unsafe.Add(ref gr, i);
            g = MathF.FusedMultiplyAdd(Unsafe.Add(ref xr, i), scale, shift) > 0f ? g : g * k;
            sumG += g;
            sumGX = MathF.FusedMultiplyAdd(g, (Unsafe.Add(ref xr, i) - mean) * invStd, sumGX);
        }

        return (sumG, sumGX);
    }

    /// <summary>
    /// <c>dx = a g - b - c xhat</c> with <c>g = dy f'(x scale + shift)</c>, <c>xhat = (x - mean) invStd</c>: the
    /// batch-norm input gradient <c>gamma / (M sigma) (M g - sum g - xhat sum(g xhat))</c> with the constants folded
    /// by the caller.
    /// </summary>
    public static void InputGradient(
        ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx,
        float scale, float shift, float mean, float invStd, float a, float b, float c, bool fused, float slope)
    {
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var gr = ref MemoryMarshal.GetReference(dy);
        ref var dr = ref MemoryMarshal.GetReference(dx);
        var n = x.Length;
        var i = 0;
        var k = fused ? slope : 1f;
        if (Vector512.IsHardwareAccelerated)
        {
            var m = Vector512.Create(mean);
            var inv = Vector512.Create(invStd);
            var kv = Vector512.Create(k);
            var sv = Vector512.Create(scale);
            var tv = Vector512.Create(shift);
            var av = Vector512.Create(a);
            var bv = Vector512.Create(b);
            var cv = Vector512.Create(c);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var xv = Vector512.LoadUnsafe(ref xr, (nuint)i);
                var gv = Vector512.LoadUnsafe(ref gr, (nuint)i);
                gv = Vector512.ConditionalSelect(Vector512.GreaterThan(Vector512.FusedMultiplyAdd(xv, sv, tv), Vector512<float>.Zero), gv, gv * kv);
                var xhat = (xv - m) * inv;
                (Vector512.FusedMultiplyAdd(av, gv, -bv) - (cv * xhat)).StoreUnsafe(ref dr, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var m = Vector256.Create(mean);
            var inv = Vector256.Create(invStd);
            var kv = Vector256.Create(k);
            var sv = Vector256.Create(scale);
            var tv = Vector256.Create(shift);
            var av = Vector256.Create(a);
            var bv = Vector256.Create(b);
            var cv = Vector256.Create(c);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
                var gv = Vector256.LoadUnsafe(ref gr, (nuint)i);
                gv = Vector256.ConditionalSelect(Vector256.GreaterThan(Vector256.FusedMultiplyAdd(xv, sv, tv), Vector256<float>.Zero), gv, gv * kv);
                var xhat = (xv - m) * inv;
                (Vector256.FusedMultiplyAdd(av, gv, -bv) - (cv * xhat)).StoreUnsafe(ref dr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            var g = Unsafe.Add(ref gr, i);
            g = MathF.FusedMultiplyAdd(Unsafe.Add(ref xr, i), scale, shift) > 0f ? g : g * k;
            var xhat = (Unsafe.Add(ref xr, i) - mean) * invStd;
            Unsafe.Add(ref dr, i) = MathF.FusedMultiplyAdd(a, g, -b) - (c * xhat);
        }
    }
}
