using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MLPipelines.Neural.Kernels;

/// <summary>A unary element-wise function in vector and scalar form (static, so loops specialize per op).</summary>
internal interface IUnaryOp
{
    static abstract Vector512<float> Invoke(Vector512<float> x);

    static abstract float Invoke(float x);
}

/// <summary>A backward rule <c>dx = g(x, y, dy)</c> in vector and scalar form.</summary>
internal interface IBackwardOp
{
    static abstract Vector512<float> Invoke(Vector512<float> x, Vector512<float> y, Vector512<float> dy);

    static abstract float Invoke(float x, float y, float dy);
}

/// <summary>Drives <see cref="IUnaryOp"/> / <see cref="IBackwardOp"/> over spans: Vector512 blocks, then a scalar tail.</summary>
internal static class ElementwiseMap
{
    public static void Apply<TOp>(ReadOnlySpan<float> x, Span<float> y)
        where TOp : IUnaryOp
    {
        var n = x.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                TOp.Invoke(Vector512.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref yr, i) = TOp.Invoke(Unsafe.Add(ref xr, i));
        }
    }

    public static void Backward<TOp>(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
        where TOp : IBackwardOp
    {
        var n = dx.Length;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        ref var gr = ref MemoryMarshal.GetReference(dy);
        ref var dr = ref MemoryMarshal.GetReference(dx);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                TOp.Invoke(Vector512.LoadUnsafe(ref xr, (nuint)i), Vector512.LoadUnsafe(ref yr, (nuint)i), Vector512.LoadUnsafe(ref gr, (nuint)i))
                    .StoreUnsafe(ref dr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref dr, i) = TOp.Invoke(Unsafe.Add(ref xr, i), Unsafe.Add(ref yr, i), Unsafe.Add(ref gr, i));
        }
    }
}
