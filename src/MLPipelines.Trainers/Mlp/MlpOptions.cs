using MLPipelines.Results;

namespace MLPipelines.Trainers.Mlp;

/// <summary>
/// Every setting of the MLP trainer. Each property mirrors a YAML option of <c>trainer: mlp</c> (the snake_case
/// name is given first) and its default is the documented, tuned default for tables; every one can be overridden.
/// </summary>
/// <remarks>
/// The network: <c>input encoding -> [categorical embeddings] -> [periodic numeric embeddings]
/// -> (Dense(width) -> activation -> dropout) x hidden_layers -> Dense(outputs)</c>. Everything it needs at
/// inference (missing-value fill, scaling, clipping, embeddings, target de-standardization, softmax/sigmoid) is part
/// of the exported ONNX graph.
/// </remarks>
public sealed class MlpOptions
{
    /// <summary>Label column (API only; pipelines always use <c>Label</c>): Boolean (binary), key (multiclass) or Single (regression). Default <c>Label</c>.</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Feature column (API only): a known-size vector of Single. Default <c>Features</c>.</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary><c>hidden_layers</c>: widths of the hidden layers. Default 3 x 256 (wide enough for tables of 1k-100k rows).</summary>
    public IReadOnlyList<int> HiddenLayers { get; set; } = [256, 256, 256];

    /// <summary>
    /// <c>activation</c>. Default SELU (with LeCun-normal initialization): self-normalizing, so 3 layers train stably
    /// without batch or layer norm; RealMLP's default for classification.
    /// </summary>
    public MlpActivation Activation { get; set; } = MlpActivation.Selu;

    /// <summary>
    /// <c>dropout</c>: drop probability after each hidden activation; 0 = none; null = automatic (default).
    /// Automatic means 0 for regression, where dropout's noise on every unit blurs the fine-grained fit a regression
    /// target needs (diamonds log price, one 80/20 pilot split: RMSE 0.1003 with 0.15, 0.0908 with 0). For
    /// classification it is decided on the validation split: the network is trained without dropout, and only if it
    /// overfits (its validation loss bottoms out <see cref="Patience"/> or more epochs before its last epoch) is a
    /// second network trained with <see cref="AutoDropout"/> (RealMLP's 0.15), keeping the one with the lower
    /// validation loss. Why: dropout helped the noisy binary tables and hurt the clean multiclass ones (pilot splits,
    /// 0.15 vs 0: telco 0.806 vs 0.799, credit 0.799 vs 0.796, but letter 0.973 vs 0.979, and on satellite's 5 folds
    /// 0.905 vs 0.915), and a network that does not overfit costs no second fit. Without a validation split
    /// (<see cref="ValidationFraction"/> 0) classification uses <see cref="AutoDropout"/>.
    /// </summary>
    public double? Dropout { get; set; }

    /// <summary>The dropout automatic mode tries when the network without dropout overfits (classification).</summary>
    public const double AutoDropout = 0.15;

    /// <summary>
    /// <c>epochs</c>: most passes over the training rows (best-epoch selection picks the epoch kept). Default 100: the
    /// cosine schedule spans all of them, and early stopping ends most classification fits after 30-60.
    /// </summary>
    public int Epochs { get; set; } = 100;

    /// <summary><c>batch_size</c>: rows per optimizer step. Default 256 (RealMLP's and TabM's; full use of the GEMM kernels).</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary><c>optimizer</c>. Default AdamW.</summary>
    public MlpOptimizer Optimizer { get; set; } = MlpOptimizer.AdamW;

    /// <summary><c>learning_rate</c>: peak learning rate of the schedule. Default 2e-3 (AdamW with batch 256 on scaled inputs).</summary>
    public double LearningRate { get; set; } = 2e-3;

    /// <summary>
    /// <c>weight_decay</c>: decoupled decay for AdamW, L2 for SGD and Adam; never on biases. Default 0.02: mild
    /// shrinkage, per step <c>w -= lr * 0.02 * w</c>.
    /// </summary>
    public double WeightDecay { get; set; } = 0.02;

    /// <summary>
    /// <c>schedule</c>. Default warm-up + cosine: <c>lr(t) = peak * t / w</c> for the first w steps, then
    /// <c>peak * (1 + cos(pi (t - w) / (T - w))) / 2</c>; the warm-up keeps Adam's first noisy steps small and the
    /// decay to 0 lets the last epochs settle.
    /// </summary>
    public MlpSchedule Schedule { get; set; } = MlpSchedule.Cosine;

    /// <summary><c>warmup_fraction</c>: share of all steps spent warming up (cosine schedule). Default 0.05.</summary>
    public double WarmupFraction { get; set; } = 0.05;

    /// <summary><c>momentum</c>: SGD momentum (Nesterov). Default 0.9.</summary>
    public double Momentum { get; set; } = 0.9;

    /// <summary><c>gradient_clip</c>: clip the global gradient norm to this; 0 = no clipping. Default 0.</summary>
    public double GradientClip { get; set; }

    /// <summary>
    /// <c>label_smoothing</c>: classification targets become <c>(1 - e) onehot + e / K</c> (ignored for regression).
    /// Default 0.1 (RealMLP's): keeps logits from growing without bound on separable rows.
    /// </summary>
    public double LabelSmoothing { get; set; } = 0.1;

    /// <summary><c>class_weights</c>: classification only. Default none (the loss then matches accuracy and log-loss).</summary>
    public MlpClassWeights ClassWeights { get; set; } = MlpClassWeights.None;

    /// <summary>
    /// <c>validation_fraction</c>: share of the training rows held out (stratified for classification) to pick the
    /// best epoch and stop early; 0 = no validation split (the last epoch is kept). Default 0.15.
    /// </summary>
    public double ValidationFraction { get; set; } = 0.15;

    /// <summary><c>early_stopping</c>: stop when the validation loss has not improved for <see cref="Patience"/> epochs. Default true.</summary>
    public bool EarlyStopping { get; set; } = true;

    /// <summary><c>patience</c>: epochs without improvement before early stopping. Default 20 (a fifth of the epochs: long enough to ride out the noisy middle of the schedule).</summary>
    public int Patience { get; set; } = 20;

    /// <summary><c>input_scaling</c>. Default auto (robust scaling + smooth clipping unless the pipeline normalized).</summary>
    public MlpInputScaling InputScaling { get; set; } = MlpInputScaling.Auto;

    /// <summary>
    /// <c>numeric_embedding</c>. Default auto: periodic (PLR; why: see <see cref="MlpNumericEmbedding.Periodic"/>) for
    /// up to <see cref="AutoPeriodicMaxInputs"/> numeric inputs, none above (see <see cref="MlpNumericEmbedding.Auto"/>).
    /// </summary>
    public MlpNumericEmbedding NumericEmbedding { get; set; } = MlpNumericEmbedding.Auto;

    /// <summary>Most numeric inputs for which <c>numeric_embedding: auto</c> chooses the periodic embedding.</summary>
    public const int AutoPeriodicMaxInputs = 100;

    /// <summary><c>periodic_frequencies</c>: k frequencies per numeric input. Default 16.</summary>
    public int PeriodicFrequencies { get; set; } = 16;

    /// <summary><c>periodic_sigma</c>: standard deviation of the initial frequencies (inputs are scaled first). Default 0.1.</summary>
    public double PeriodicSigma { get; set; } = 0.1;

    /// <summary><c>periodic_dimension</c>: size of each numeric input's embedding. Default 16.</summary>
    public int PeriodicDimension { get; set; } = 16;

    /// <summary>
    /// <c>categorical_embedding_threshold</c>: a one-hot block (one categorical column, found through ML.NET's
    /// <c>CategoricalSlotRanges</c> annotation) with more slots than this is turned back into a category code and
    /// embedded; smaller blocks stay one-hot. Default 16.
    /// </summary>
    public int CategoricalEmbeddingThreshold { get; set; } = 16;

    /// <summary>
    /// <c>embedding_dim</c>: size of each categorical embedding; null = automatic,
    /// <c>min(16, round(1.6 * categories^0.56))</c> (the fast.ai rule of thumb, capped). Default null.
    /// </summary>
    public int? EmbeddingDimension { get; set; }

    /// <summary>
    /// <c>ensemble_members</c>: k networks trained at once in one TabM-style ensemble (shared weights, per-member
    /// adapters, per-member output heads; every member's loss summed; predictions averaged as probabilities for
    /// classification and values for regression); 1 = one plain MLP. Default 1.
    /// </summary>
    public int EnsembleMembers { get; set; } = 1;

    /// <summary><c>ensemble</c>: <c>tabm</c> (adapters on every hidden layer) or <c>mini</c> (on the first layer's input only). Default tabm.</summary>
    public MlpEnsemble Ensemble { get; set; } = MlpEnsemble.Tabm;

    /// <summary><c>adapter_init</c>: how each member's first input scaling starts. Default auto (TabM's rule).</summary>
    public MlpAdapterInit AdapterInit { get; set; } = MlpAdapterInit.Auto;

    /// <summary>
    /// <c>seed</c>: weights, shuffling and the validation split; null = the seed the pipeline gives this fit (through
    /// the ML.NET catalog: 0). Default null.
    /// </summary>
    public int? Seed { get; set; }

    /// <summary><c>threads</c>: kernel threads; null = all cores. Results are bit-identical for any value. Default null.</summary>
    public int? Threads { get; set; }

    /// <summary>
    /// A copy with the task-dependent defaults settled: <see cref="Dropout"/> null becomes 0 for regression and
    /// <see cref="AutoDropout"/> for classification without a validation split; it stays null (decided during the fit)
    /// for classification with one.
    /// </summary>
    internal MlpOptions ResolvedFor(MLPipelines.Results.TaskKind task)
    {
        var copy = Clone();
        if (copy.Dropout is null && task == MLPipelines.Results.TaskKind.Regression)
        {
            copy.Dropout = 0;
        }
        else if (copy.Dropout is null && ValidationFraction <= 0)
        {
            copy.Dropout = AutoDropout;
        }

        return copy;
    }

    /// <summary>A copy (lists copied too).</summary>
    public MlpOptions Clone()
    {
        var copy = (MlpOptions)MemberwiseClone();
        copy.HiddenLayers = [.. HiddenLayers];
        return copy;
    }
}
