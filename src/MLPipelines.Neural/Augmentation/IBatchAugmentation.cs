using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Augmentation;

/// <summary>
/// Random transformation of a training mini-batch, applied in place by <see cref="Training.NetworkTrainer"/> after
/// the batch is gathered and before the forward pass (never to validation data).
/// </summary>
/// <remarks>
/// Implementations must be deterministic: the result may depend only on the batch contents, the implementation's
/// own seed and <c>step</c> (not on the thread count or on earlier calls), so training runs repeat exactly.
/// </remarks>
public interface IBatchAugmentation
{
    /// <summary>Transforms the samples of <paramref name="batch"/> in place.</summary>
    /// <param name="batch">The mini-batch; its buffer belongs to the trainer and is refilled every step.</param>
    /// <param name="step">0-based index of the training step (mini-batch) across all epochs.</param>
    /// <param name="threads">Threads the augmentation may use.</param>
    void Apply(Tensor batch, long step, int threads);
}
