namespace MLPipelines.Trainers.Training;

/// <summary>Optimizer of the MLP and the CNN (YAML <c>optimizer</c>).</summary>
public enum OptimizerKind
{
    /// <summary>SGD with Nesterov momentum (<c>momentum</c>); weight decay as L2 on the gradient.</summary>
    Sgd,

    /// <summary>Adam; weight decay as L2 on the gradient.</summary>
    Adam,

    /// <summary>AdamW: Adam with decoupled weight decay <c>w -= lr * weight_decay * w</c> (not on biases or norms).</summary>
    AdamW,
}
