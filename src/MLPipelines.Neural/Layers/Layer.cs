using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>
/// One differentiable step of a network. A layer is built once for a per-sample input shape, declares its
/// per-sample output shape, owns its parameters and workspaces, and implements forward and backward side by side.
/// </summary>
/// <remarks>
/// <para>Contract for implementers (see Dense for an example):</para>
/// <list type="bullet">
/// <item><see cref="OnBuild"/> validates the input shape, creates parameters (initialized from the given RNG)
/// and returns the output shape. It must not depend on the batch size.</item>
/// <item><see cref="Forward"/> returns a tensor the layer owns (reused every call, resized with
/// <see cref="Tensor.Ensure"/>); it may keep references to its input for backward.</item>
/// <item><see cref="Backward"/> receives dLoss/dOutput for the batch of the last forward, overwrites every
/// parameter's <see cref="Parameter.Gradient"/> and returns dLoss/dInput in a tensor it owns, or null when
/// <see cref="NeedsInputGradient"/> is false (the first layer: nothing upstream needs it).</item>
/// <item>No allocation after the first batch of a given size: workspaces are kept between calls.</item>
/// <item>Never write into the input tensor or the incoming gradient: other layers keep references to them
/// (a Dense with a fused ReLU reads its own stored output in backward).</item>
/// </list>
/// </remarks>
public abstract class Layer
{
    private TensorShape? _inputShape;
    private TensorShape? _outputShape;

    /// <summary>Per-sample input shape; set by <see cref="Build"/>.</summary>
    public TensorShape InputShape => _inputShape ?? throw NotBuilt();

    /// <summary>Per-sample output shape; set by <see cref="Build"/>.</summary>
    public TensorShape OutputShape => _outputShape ?? throw NotBuilt();

    /// <summary>True once <see cref="Build"/> ran.</summary>
    public bool IsBuilt => _outputShape is not null;

    /// <summary>False when no upstream layer needs dLoss/dInput, letting backward skip that work.</summary>
    public bool NeedsInputGradient { get; set; } = true;

    /// <summary>Trainable parameters (empty for parameter-free layers).</summary>
    public virtual IReadOnlyList<Parameter> Parameters => [];

    /// <summary>Non-trainable state that belongs to the model (e.g. batch-norm running statistics).</summary>
    public virtual IReadOnlyList<float[]> Buffers => [];

    /// <summary>Short type name used in summaries and error messages.</summary>
    public virtual string Kind => GetType().Name;

    /// <summary>Builds the layer for <paramref name="inputShape"/> and initializes its parameters from <paramref name="random"/>.</summary>
    public void Build(TensorShape inputShape, Random random)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(random);
        _outputShape = OnBuild(inputShape, random);
        _inputShape = inputShape;
    }

    /// <summary>Validates the input shape, creates parameters and returns the per-sample output shape.</summary>
    protected abstract TensorShape OnBuild(TensorShape inputShape, Random random);

    /// <summary>Computes the output for a batch.</summary>
    public abstract Tensor Forward(Tensor input, PassContext context);

    /// <summary>Back-propagates dLoss/dOutput; sets parameter gradients and returns dLoss/dInput (or null).</summary>
    public abstract Tensor? Backward(Tensor outputGradient, PassContext context);

    /// <summary>Throws a shape error stating expected vs actual.</summary>
    protected void CheckInput(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.SampleShape.Equals(InputShape))
        {
            throw new ArgumentException($"{Kind}: expected input samples of shape {InputShape}, got {input.SampleShape}.", nameof(input));
        }
    }

    private InvalidOperationException NotBuilt() => new($"{Kind} is not built yet: add it to a Network and call Build.");
}
