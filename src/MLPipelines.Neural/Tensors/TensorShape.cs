namespace MLPipelines.Neural.Tensors;

/// <summary>
/// The shape of one sample (the batch dimension is not part of it): <c>[features]</c> for tables,
/// <c>[channels, height, width]</c> for images. Immutable; compared by value.
/// </summary>
public sealed class TensorShape : IEquatable<TensorShape>
{
    private readonly int[] _dims;

    /// <summary>Creates a shape from its dimensions; each must be at least 1.</summary>
    public TensorShape(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length == 0)
        {
            throw new ArgumentException("A shape needs at least one dimension.", nameof(dims));
        }

        foreach (var d in dims)
        {
            if (d < 1)
            {
                throw new ArgumentException($"Shape dimensions must be >= 1, got [{string.Join(", ", dims)}].", nameof(dims));
            }
        }

        _dims = (int[])dims.Clone();
        var size = 1L;
        foreach (var d in dims)
        {
            size *= d;
        }

        if (size > int.MaxValue)
        {
            throw new ArgumentException($"Shape [{string.Join(", ", dims)}] has more than int.MaxValue elements.", nameof(dims));
        }

        Size = (int)size;
    }

    /// <summary>Number of dimensions.</summary>
    public int Rank => _dims.Length;

    /// <summary>Number of elements: the product of the dimensions.</summary>
    public int Size { get; }

    /// <summary>Dimension <paramref name="axis"/>.</summary>
    public int this[int axis] => _dims[axis];

    /// <summary>A copy of the dimensions.</summary>
    public int[] ToArray() => (int[])_dims.Clone();

    /// <summary>A rank-1 shape of <paramref name="length"/> features.</summary>
    public static TensorShape Vector(int length) => new(length);

    /// <inheritdoc />
    public bool Equals(TensorShape? other) => other is not null && _dims.AsSpan().SequenceEqual(other._dims);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TensorShape);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var d in _dims)
        {
            hash.Add(d);
        }

        return hash.ToHashCode();
    }

    /// <summary>Formats as <c>[d0, d1, ...]</c>.</summary>
    public override string ToString() => $"[{string.Join(", ", _dims)}]";
}
