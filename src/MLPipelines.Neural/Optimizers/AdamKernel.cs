using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MLPipelines.Neural.Optimizers;

/// <summary>
/// The fused Adam/AdamW update in one pass over parameter, gradient and both moments (Vector512, scalar tail):
/// <c>p *= decayFactor; g += l2 p; m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; p -= a m / (c sqrt(v) + eps)</c>
/// with <c>a = lr / (1 - b1^t)</c> and <c>c = 1 / sqrt(1 - b2^t)</c>, exactly PyTorch's arithmetic.
/// </summary>
internal static class AdamKernel
{
    public static void Update(Span<float> p, ReadOnlySpan<float> grad, Span<float> m, Span<float> v,
        float beta1, float beta2, float epsilon, float stepSize, float invSqrtBias2, float decayFactor, float l2)
    {
        var n = p.Length;
        ref var pr = ref MemoryMarshal.GetReference(p);
        ref var gr = ref MemoryMarshal.GetReference(grad);
        ref var mr = ref MemoryMarshal.GetReference(m);
        ref var vr = ref MemoryMarshal.GetReference(v);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var b1 = Vector512.Create(beta1);
            var b1c = Vector512.Create(1f - beta1);
            var b2 = Vector512.Create(beta2);
            var b2c = Vector512.Create(1f - beta2);
            var eps = Vector512.Create(epsilon);
            var a = Vector512.Create(stepSize);
            var c = Vector512.Create(invSqrtBias2);
            var df = Vector512.Create(decayFactor);
            var l2v = Vector512.Create(l2);
            for (; i <= n - Vector512<float>.Count; i += Vector512<float>.Count)
            {
                var pv = Vector512.LoadUnsafe(ref pr, (nuint)i) * df;
                var g = Vector512.LoadUnsafe(ref gr, (nuint)i) + (l2v * pv);
                var mv = (b1 * Vector512.LoadUnsafe(ref mr, (nuint)i)) + (b1c * g);
                var vv = (b2 * Vector512.LoadUnsafe(ref vr, (nuint)i)) + (b2c * g * g);
                mv.StoreUnsafe(ref mr, (nuint)i);
                vv.StoreUnsafe(ref vr, (nuint)i);
                (pv - (a * mv / ((Vector512.Sqrt(vv) * c) + eps))).StoreUnsafe(ref pr, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            var pv = Unsafe.Add(ref pr, i) * decayFactor;
            var g = Unsafe.Add(ref gr, i) + (l2 * pv);
            var mv = (beta1 * Unsafe.Add(ref mr, i)) + ((1f - beta1) * g);
            var vv = (beta2 * Unsafe.Add(ref vr, i)) + ((1f - beta2) * g * g);
            Unsafe.Add(ref mr, i) = mv;
            Unsafe.Add(ref vr, i) = vv;
            Unsafe.Add(ref pr, i) = pv - (stepSize * mv / ((MathF.Sqrt(vv) * invSqrtBias2) + epsilon));
        }
    }
}
