using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// A trainable array and its gradient. <see cref="Layer.Backward"/> overwrites <see cref="Gradient"/> with
/// dLoss/dValue for the last batch (it does not accumulate), so no zeroing pass is needed between steps.
/// </summary>
public sealed class Parameter
{
    /// <summary>Creates a zero-initialized parameter.</summary>
    public Parameter(string name, TensorShape shape, ParameterRole role)
    {
        ArgumentNullException.ThrowIfNull(shape);
        Name = name;
        Shape = shape;
        Role = role;
        Value = new float[shape.Size];
        Gradient = new float[shape.Size];
    }

    /// <summary>Name, unique within its layer (e.g. <c>weight</c>, <c>bias</c>).</summary>
    public string Name { get; }

    /// <summary>Shape of the value (e.g. <c>[in, out]</c> for a dense weight).</summary>
    public TensorShape Shape { get; }

    /// <summary>The role, which decides weight decay.</summary>
    public ParameterRole Role { get; }

    /// <summary>True when decoupled weight decay / L2 applies (weights and embeddings, not biases or norms).</summary>
    public bool Decays => Role is ParameterRole.Weight or ParameterRole.Embedding;

    /// <summary>The values, row-major.</summary>
    public float[] Value { get; }

    /// <summary>dLoss/dValue for the last batch.</summary>
    public float[] Gradient { get; }
}
