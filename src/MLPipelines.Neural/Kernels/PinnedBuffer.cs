namespace MLPipelines.Neural.Kernels;

/// <summary>
/// A grow-only float buffer on the pinned object heap with a 64-byte aligned pointer, for packed panels and
/// other kernel scratch that is reused call after call (no allocation once it has reached its largest size).
/// </summary>
internal sealed unsafe class PinnedBuffer
{
    private const int AlignFloats = 16;
    private float[] _array = [];

    /// <summary>Aligned start of the buffer; valid until the next <see cref="Ensure"/> that grows it.</summary>
    public float* Pointer { get; private set; }

    /// <summary>Usable length in floats from <see cref="Pointer"/>.</summary>
    public int Length { get; private set; }

    /// <summary>Makes at least <paramref name="length"/> floats available and returns the aligned pointer.</summary>
    public float* Ensure(int length)
    {
        if (length > Length)
        {
            // Grow by half again to avoid a string of small reallocations when shapes creep up.
            var capacity = Math.Max(length, Length + (Length / 2));
            _array = GC.AllocateUninitializedArray<float>(capacity + AlignFloats, pinned: true);
            fixed (float* start = _array)
            {
                var address = (nint)start;
                var aligned = (address + 63) & ~(nint)63;
                Pointer = (float*)aligned;
            }

            Length = capacity;
        }

        return Pointer;
    }
}
