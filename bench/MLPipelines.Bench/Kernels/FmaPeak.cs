using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MLPipelines.Bench.Kernels;

/// <summary>
/// The machine's float32 FMA peak: a loop of nothing but fused multiply-adds on 16 independent vector accumulators.
/// </summary>
/// <remarks>
/// An FMA has a latency of 4-5 cycles and current x86 cores issue two per cycle, so at least 8-10 independent
/// chains are needed to keep both ports busy; 16 leaves margin and still fits the 32 vector registers of AVX-512
/// (no spills). Each accumulator converges to b / (1 - a), so the values stay finite and normal (no denormal slow path).
/// </remarks>
internal static class FmaPeak
{
    /// <summary>Independent accumulators per loop iteration.</summary>
    public const int Accumulators = 16;

    /// <summary>Vector width in bits the loop uses: 512 with AVX-512F, else 256 with FMA3, else 0 (no FMA).</summary>
    public static int WidestWidth => Avx512F.IsSupported ? 512 : Fma.IsSupported ? 256 : 0;

    /// <summary>Floating-point operations one iteration of <see cref="Run"/> performs at <paramref name="width"/> bits.</summary>
    public static double FlopsPerIteration(int width) => Accumulators * (width / 32) * 2.0;

    /// <summary>Runs <paramref name="iterations"/> iterations of 16 FMAs at <paramref name="width"/> bits; returns a checksum.</summary>
    public static float Run(int width, long iterations) => width switch
    {
        512 => Run512(iterations),
        256 => Run256(iterations),
        _ => throw new ArgumentOutOfRangeException(nameof(width), width, "width must be 512 (AVX-512F) or 256 (FMA3)"),
    };

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Run512(long iterations)
    {
        var a = Vector512.Create(0.999999f);
        var b = Vector512.Create(1e-6f);
        Vector512<float> c0 = Vector512.Create(0.0f), c1 = Vector512.Create(0.1f), c2 = Vector512.Create(0.2f), c3 = Vector512.Create(0.3f);
        Vector512<float> c4 = Vector512.Create(0.4f), c5 = Vector512.Create(0.5f), c6 = Vector512.Create(0.6f), c7 = Vector512.Create(0.7f);
        Vector512<float> c8 = Vector512.Create(0.8f), c9 = Vector512.Create(0.9f), c10 = Vector512.Create(1.0f), c11 = Vector512.Create(1.1f);
        Vector512<float> c12 = Vector512.Create(1.2f), c13 = Vector512.Create(1.3f), c14 = Vector512.Create(1.4f), c15 = Vector512.Create(1.5f);
        for (var i = 0L; i < iterations; i++)
        {
            c0 = Avx512F.FusedMultiplyAdd(c0, a, b);
            c1 = Avx512F.FusedMultiplyAdd(c1, a, b);
            c2 = Avx512F.FusedMultiplyAdd(c2, a, b);
            c3 = Avx512F.FusedMultiplyAdd(c3, a, b);
            c4 = Avx512F.FusedMultiplyAdd(c4, a, b);
            c5 = Avx512F.FusedMultiplyAdd(c5, a, b);
            c6 = Avx512F.FusedMultiplyAdd(c6, a, b);
            c7 = Avx512F.FusedMultiplyAdd(c7, a, b);
            c8 = Avx512F.FusedMultiplyAdd(c8, a, b);
            c9 = Avx512F.FusedMultiplyAdd(c9, a, b);
            c10 = Avx512F.FusedMultiplyAdd(c10, a, b);
            c11 = Avx512F.FusedMultiplyAdd(c11, a, b);
            c12 = Avx512F.FusedMultiplyAdd(c12, a, b);
            c13 = Avx512F.FusedMultiplyAdd(c13, a, b);
            c14 = Avx512F.FusedMultiplyAdd(c14, a, b);
            c15 = Avx512F.FusedMultiplyAdd(c15, a, b);
        }

        var sum = ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)) + ((c12 + c13) + (c14 + c15));
        return Vector512.Sum(sum);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Run256(long iterations)
    {
        var a = Vector256.Create(0.999999f);
        var b = Vector256.Create(1e-6f);
        Vector256<float> c0 = Vector256.Create(0.0f), c1 = Vector256.Create(0.1f), c2 = Vector256.Create(0.2f), c3 = Vector256.Create(0.3f);
        Vector256<float> c4 = Vector256.Create(0.4f), c5 = Vector256.Create(0.5f), c6 = Vector256.Create(0.6f), c7 = Vector256.Create(0.7f);
        Vector256<float> c8 = Vector256.Create(0.8f), c9 = Vector256.Create(0.9f), c10 = Vector256.Create(1.0f), c11 = Vector256.Create(1.1f);
        Vector256<float> c12 = Vector256.Create(1.2f), c13 = Vector256.Create(1.3f), c14 = Vector256.Create(1.4f), c15 = Vector256.Create(1.5f);
        for (var i = 0L; i < iterations; i++)
        {
            c0 = Fma.MultiplyAdd(c0, a, b);
            c1 = Fma.MultiplyAdd(c1, a, b);
            c2 = Fma.MultiplyAdd(c2, a, b);
            c3 = Fma.MultiplyAdd(c3, a, b);
            c4 = Fma.MultiplyAdd(c4, a, b);
            c5 = Fma.MultiplyAdd(c5, a, b);
            c6 = Fma.MultiplyAdd(c6, a, b);
            c7 = Fma.MultiplyAdd(c7, a, b);
            c8 = Fma.MultiplyAdd(c8, a, b);
            c9 = Fma.MultiplyAdd(c9, a, b);
            c10 = Fma.MultiplyAdd(c10, a, b);
            c11 = Fma.MultiplyAdd(c11, a, b);
            c12 = Fma.MultiplyAdd(c12, a, b);
            c13 = Fma.MultiplyAdd(c13, a, b);
            c14 = Fma.MultiplyAdd(c14, a, b);
            c15 = Fma.MultiplyAdd(c15, a, b);
        }

        var sum = ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)) + ((c12 + c13) + (c14 + c15));
        return Vector256.Sum(sum);
    }
}
