namespace MLPipelines.Neural.Training;

/// <summary>Settings of <see cref="NetworkTrainer"/>; each default is what the trainer uses when unset.</summary>
public sealed class TrainingOptions
{
    /// <summary>Passes over the training data. Default 10.</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Samples per mini-batch (the last batch of an epoch may be smaller). Default 256.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Seed for shuffling and the validation split. Default 0.</summary>
    public int Seed { get; set; }

    /// <summary>
    /// Share of the training rows held out for validation when no validation set is passed to Fit; 0 = none.
    /// Default 0.
    /// </summary>
    public double ValidationFraction { get; set; }

    /// <summary>
    /// Stratify the validation split by class (first target value). Default true; it applies when the loss is
    /// a classification loss (softmax cross-entropy, or binary cross-entropy with one output).
    /// </summary>
    public bool StratifiedValidation { get; set; } = true;

    /// <summary>Stop when validation loss has not improved for <see cref="Patience"/> epochs. Needs validation data. Default false.</summary>
    public bool EarlyStopping { get; set; }

    /// <summary>Epochs without improvement tolerated by early stopping. Default 10.</summary>
    public int Patience { get; set; } = 10;

    /// <summary>With validation data, restore the weights of the epoch with the lowest validation loss at the end. Default true.</summary>
    public bool RestoreBestEpoch { get; set; } = true;

    /// <summary>Clip the global gradient norm to this value; 0 = no clipping. Default 0.</summary>
    public float GradientClipNorm { get; set; }

    /// <summary>Threads for the kernels; 0 = all cores. Results are bit-identical for any value. Default 0.</summary>
    public int Threads { get; set; }

    /// <summary>Batch size for validation passes (inference only). Default 1024.</summary>
    public int EvaluationBatchSize { get; set; } = 1024;

    /// <summary>
    /// Random transformation applied in place to every training mini-batch before its forward pass (e.g.
    /// <see cref="Augmentation.ImageAugmentation"/>); never to validation data. Default null (none).
    /// </summary>
    public Augmentation.IBatchAugmentation? Augmentation { get; set; }

    /// <summary>Throws on values out of range, naming the option.</summary>
    public void Validate()
    {
        if (Epochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "epochs must be >= 1.");
        }

        if (BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "batch_size must be >= 1.");
        }

        if (!(ValidationFraction >= 0 && ValidationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "validation_fraction must be in [0, 1).");
        }

        if (Patience < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "patience must be >= 1.");
        }

        if (!(GradientClipNorm >= 0) || !float.IsFinite(GradientClipNorm))
        {
            throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), GradientClipNorm, "gradient clip norm must be finite and >= 0.");
        }

        if (EvaluationBatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EvaluationBatchSize), EvaluationBatchSize, "evaluation batch size must be >= 1.");
        }
    }
}
