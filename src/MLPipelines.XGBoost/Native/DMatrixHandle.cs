using System.Runtime.InteropServices;

namespace MLPipelines.XGBoost.Native;

/// <summary>An XGBoost <c>DMatrixHandle</c>, freed with <c>XGDMatrixFree</c> exactly once (also on finalization).</summary>
internal sealed class DMatrixHandle : SafeHandle
{
    public DMatrixHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle() => XGBoostNative.XGDMatrixFree(handle) == 0;
}
