using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MLPipelines.Neural.Kernels;

/// <summary>Vectorized element-wise kernels for activations and their derivatives (Vector512 with scalar tails).</summary>
internal static class ActivationKernels
{
    /// <summary>dx = x &gt; 0 ? dy : slope * dy (slope 0 gives ReLU's derivative).</summary>
    public static void LeakyReluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, float slope)
    {
        var n = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var gr = ref MemoryMarshal.GetReference(dy);
        ref var dr = ref MemoryMarshal.GetReference(dx);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(slope);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var xv = Vector512.LoadUnsafe(ref xr, (nuint)i);
                var gv = Vector512.LoadUnsafe(ref gr, (nuint)i);
                var mask = Vector512.GreaterThan(xv, Vector512<float>.Zero);
                Vector512.ConditionalSelect(mask, gv, gv * s).StoreUnsafe(ref dr, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(slope);
            for (; i <= n - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var xv = Vector256.LoadUnsafe(ref xr, (nuint)i);
                var gv = Vector256.LoadUnsafe(ref gr, (nuint)i);
                var mask = Vector256.GreaterThan(xv, Vector256<float>.Zero);
                Vector256.ConditionalSelect(mask, gv, gv * s).StoreUnsafe(ref dr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            var g = Unsafe.Add(ref gr, i);
            Unsafe.Add(ref dr, i) = Unsafe.Add(ref xr, i) > 0f ? g : g * slope;
        }
    }

    /// <summary>y = x &gt; 0 ? x : slope * x.</summary>
    public static void LeakyRelu(ReadOnlySpan<float> x, Span<float> y, float slope)
    {
        var n = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(slope);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var xv = Vector512.LoadUnsafe(ref xr, (nuint)i);
                Vector512.ConditionalSelect(Vector512.GreaterThan(xv, Vector512<float>.Zero), xv, xv * s).StoreUnsafe(ref yr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            var v = Unsafe.Add(ref xr, i);
            Unsafe.Add(ref yr, i) = v > 0f ? v : v * slope;
        }
    }

    /// <summary>
    /// Leaky-ReLU backward from the output, in one pass that also sums the bias gradient:
    /// <c>dz = y &gt; 0 ? dy : slope * dy</c>, <c>db[j] = sum_i dz[i, j]</c> (rows in order; skipped when db is empty).
    /// </summary>
    public static void LeakyReluBackwardWithBias(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dz, Span<float> biasGradient, int rows, int cols, float slope)
    {
        var withBias = !biasGradient.IsEmpty;
        if (!withBias)
        {
            LeakyReluBackward(y[..(rows * cols)], dy[..(rows * cols)], dz, slope);
            return;
        }

        biasGradient = biasGradient[..cols];
        biasGradient.Clear();
        ref var bg = ref MemoryMarshal.GetReference(biasGradient);
        for (var r = 0; r < rows; r++)
        {
            var off = r * cols;
            ref var yr = ref MemoryMarshal.GetReference(y.Slice(off, cols));
            ref var gr = ref MemoryMarshal.GetReference(dy.Slice(off, cols));
            ref var zr = ref MemoryMarshal.GetReference(dz.Slice(off, cols));
            var j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var s = Vector512.Create(slope);
                for (; j <= cols - Vector512<float>.Count; j += Vector512<float>.Count)
                {
                    var yv = Vector512.LoadUnsafe(ref yr, (nuint)j);
                    var gv = Vector512.LoadUnsafe(ref gr, (nuint)j);
                    var z = Vector512.ConditionalSelect(Vector512.GreaterThan(yv, Vector512<float>.Zero), gv, gv * s);
                    z.StoreUnsafe(ref zr, (nuint)j);
                    (Vector512.LoadUnsafe(ref bg, (nuint)j) + z).StoreUnsafe(ref bg, (nuint)j);
                }
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var s = Vector256.Create(slope);
                for (; j <= cols - Vector256<float>.Count; j += Vector256<float>.Count)
                {
                    var yv = Vector256.LoadUnsafe(ref yr, (nuint)j);
                    var gv = Vector256.LoadUnsafe(ref gr, (nuint)j);
                    var z = Vector256.ConditionalSelect(Vector256.GreaterThan(yv, Vector256<float>.Zero), gv, gv * s);
                    z.StoreUnsafe(ref zr, (nuint)j);
                    (Vector256.LoadUnsafe(ref bg, (nuint)j) + z).StoreUnsafe(ref bg, (nuint)j);
                }
            }

            for (; j < cols; j++)
            {
                var g = Unsafe.Add(ref gr, j);
                var z = Unsafe.Add(ref yr, j) > 0f ? g : g * slope;
                Unsafe.Add(ref zr, j) = z;
                Unsafe.Add(ref bg, j) += z;
            }
        }
    }
}
