using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MLPipelines.Neural.Kernels;

/// <summary>
/// Counter-based dropout masks: element i of a call keyed <c>key</c> is kept when the top 24 bits of
/// <c>mix(mix(i + key.lo) ^ key.hi)</c> fall below <c>keep * 2^24</c>, where mix is a 32-bit avalanche hash
/// (lowbias32). Stateless per element, so it vectorizes (16 lanes) and gives the same bits on any path.
/// </summary>
internal static class DropoutKernel
{
    public static void Apply(ReadOnlySpan<float> x, Span<float> y, Span<float> mask, ulong key, float keep)
    {
        var n = x.Length;
        var lo = (uint)key;
        var hi = (uint)(key >> 32);
        var threshold = (uint)(keep * 16777216f);
        var scale = 1f / keep;
        ref var xr = ref MemoryMarshal.GetReference(x);
        ref var yr = ref MemoryMarshal.GetReference(y);
        ref var mr = ref MemoryMarshal.GetReference(mask);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var lanes = Vector512.Create(0u, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
            var lov = Vector512.Create(lo);
            var hiv = Vector512.Create(hi);
            var th = Vector512.Create(threshold);
            var sc = Vector512.Create(scale);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var h = Mix(Mix(Vector512.Create((uint)i) + lanes + lov) ^ hiv);
                var keepMask = Vector512.LessThan(h >> 8, th).AsSingle();
                var m = Vector512.ConditionalSelect(keepMask, sc, Vector512<float>.Zero);
                m.StoreUnsafe(ref mr, (nuint)i);
                (Vector512.LoadUnsafe(ref xr, (nuint)i) * m).StoreUnsafe(ref yr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            var h = Mix(Mix((uint)i + lo) ^ hi);
            var m = (h >> 8) < threshold ? scale : 0f;
            Unsafe.Add(ref mr, i) = m;
            Unsafe.Add(ref yr, i) = Unsafe.Add(ref xr, i) * m;
        }
    }

    private static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x7feb352dU;
        x ^= x >> 15;
        x *= 0x846ca68bU;
        x ^= x >> 16;
        return x;
    }

    private static Vector512<uint> Mix(Vector512<uint> x)
    {
        x ^= x >> 16;
        x *= Vector512.Create(0x7feb352dU);
        x ^= x >> 15;
        x *= Vector512.Create(0x846ca68bU);
        x ^= x >> 16;
        return x;
    }
}
