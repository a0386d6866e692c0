using System.Runtime.InteropServices;

namespace MLPipelines.XGBoost.Native;

/// <summary>An XGBoost <c>BoosterHandle</c>, freed with <c>XGBoosterFree</c> exactly once (also on finalization).</summary>
internal sealed class BoosterHandle : SafeHandle
{
    public BoosterHandle()
        : base(nint.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle() => XGBoostNative.XGBoosterFree(handle) == 0;
}
