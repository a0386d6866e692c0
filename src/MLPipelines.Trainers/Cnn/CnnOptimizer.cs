namespace MLPipelines.Trainers.Cnn;

/// <summary>Optimizer of the CNN (YAML <c>optimizer</c>).</summary>
public enum CnnOptimizer
{
    /// <summary>SGD with Nesterov momentum (<see cref="CnnOptions.Momentum"/>); weight decay as L2 on the gradient.</summary>
    Sgd,

    /// <summary>Adam; weight decay as L2 on the gradient.</summary>
    Adam,

    /// <summary>AdamW: Adam with decoupled weight decay <c>w -= lr * weight_decay * w</c> (not on biases or norms).</summary>
    AdamW,
}
