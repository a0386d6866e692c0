namespace MLPipelines.Neural.Tensors;

/// <summary>
/// A batch of samples in one contiguous, row-major float32 buffer: row <c>i</c> (sample <c>i</c>) occupies
/// <c>Data[i * SampleSize .. (i + 1) * SampleSize)</c>, and inside a row the layout follows
/// <see cref="SampleShape"/> row-major (for images: channel, then row, then column).
/// </summary>
/// <remarks>
/// Tensors are workspaces: a layer allocates its output once and reuses it every step. The buffer keeps its
/// capacity when the batch shrinks (the last, smaller mini-batch), so <see cref="Resize"/> allocates only when
/// a batch larger than any seen before arrives.
/// </remarks>
public sealed class Tensor
{
    /// <summary>Allocates a zeroed tensor of <paramref name="batch"/> samples of <paramref name="sampleShape"/>.</summary>
    public Tensor(int batch, TensorShape sampleShape)
    {
        ArgumentNullException.ThrowIfNull(sampleShape);
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        SampleShape = sampleShape;
        Batch = batch;
        Data = new float[checked(batch * sampleShape.Size)];
    }

    private Tensor(float[] data, int batch, TensorShape sampleShape)
    {
        SampleShape = sampleShape;
        Batch = batch;
        Data = data;
    }

    /// <summary>Shape of one sample.</summary>
    public TensorShape SampleShape { get; }

    /// <summary>Elements per sample.</summary>
    public int SampleSize => SampleShape.Size;

    /// <summary>Number of samples currently held.</summary>
    public int Batch { get; private set; }

    /// <summary>Number of valid elements: <c>Batch * SampleSize</c>.</summary>
    public int Length => Batch * SampleShape.Size;

    /// <summary>The raw buffer; may be longer than <see cref="Length"/>.</summary>
    public float[] Data { get; private set; }

    /// <summary>The valid elements.</summary>
    public Span<float> Span => Data.AsSpan(0, Length);

    /// <summary>Sample <paramref name="index"/>.</summary>
    public Span<float> Row(int index) => Data.AsSpan(index * SampleSize, SampleSize);

    /// <summary>Wraps an existing buffer without copying.</summary>
    public static Tensor Wrap(float[] data, int batch, TensorShape sampleShape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sampleShape);
        if ((long)batch * sampleShape.Size > data.Length)
        {
            throw new ArgumentException(
                $"Buffer of {data.Length} floats is too small for {batch} samples of shape {sampleShape}.", nameof(data));
        }

        return new Tensor(data, batch, sampleShape);
    }

    /// <summary>
    /// Sets the batch size, growing the buffer only when it is too small (contents are then lost).
    /// </summary>
    public void Resize(int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        var needed = checked(batch * SampleSize);
        if (needed > Data.Length)
        {
            Data = new float[needed];
        }

        Batch = batch;
    }

    /// <summary>Returns <paramref name="tensor"/> resized to <paramref name="batch"/>, or a new one when null or of another shape.</summary>
    public static Tensor Ensure(ref Tensor? tensor, int batch, TensorShape sampleShape)
    {
        if (tensor is null || !tensor.SampleShape.Equals(sampleShape))
        {
            tensor = new Tensor(batch, sampleShape);
        }
        else
        {
            tensor.Resize(batch);
        }

        return tensor;
    }
}
