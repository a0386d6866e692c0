namespace MLPipelines.Trainers.Mlp;

/// <summary>Optimizer (YAML <c>optimizer</c>).</summary>
public enum MlpOptimizer
{
    /// <summary>SGD with Nesterov momentum (<see cref="MlpOptions.Momentum"/>); weight decay as L2 on the gradient.</summary>
    Sgd,

    /// <summary>Adam; weight decay as L2 on the gradient.</summary>
    Adam,

    /// <summary>AdamW: Adam with decoupled weight decay <c>w -= lr * weight_decay * w</c> (not on biases or norms).</summary>
    AdamW,
}
