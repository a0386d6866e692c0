using MLPipelines.Results;
using MLPipelines.Spec.Declarations;
using MLPipelines.Trainers.Training;

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
public sealed class MlpOptions : INetworkTrainingOptions
{
    /// <summary>Label column (API only; pipelines always use <c>Label</c>): Boolean (binary), key (multiclass) or Single (regression). Default <c>Label</c>.</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Feature column (API only): a known-size vector of Single. Default <c>Features</c>.</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary><c>hidden_layers</c>: widths of the hidden layers. Default 3 x 256 (wide enough for tables of 1k-100k rows).</summary>
    [Search(new[] { 256, 256 }, new[] { 256, 256, 256 }, new[] { 256, 256, 256, 256 }, new[] { 384, 384 }, new[] { 384, 384, 384 }, new[] { 384, 384, 384, 384 }, new[] { 512, 512 }, new[] { 512, 512, 512 }, new[] { 512, 512, 512, 512 }, Source = "RealMLP's space in TabArena: 2-4 hidden layers of width 256, 384 or 512 (ours: 3 x 256).", DrawOrder = 4)]
    [Option("hidden_layers", "Widths of the hidden layers, e.g. [256, 256, 256]; [] = no hidden layer (a linear model on the encoded inputs).", Min = 1, Max = 65_536)]
    public IReadOnlyList<int> HiddenLayers { get; set; } = [256, 256, 256];

    /// <summary>
    /// <c>activation</c>. Default SELU (with LeCun-normal initialization): self-normalizing, so 3 layers train stably
    /// without batch or layer norm; RealMLP's default for classification.
    /// </summary>
    [Option("activation", "Activation after each hidden layer (selu: self-normalizing, LeCun init; relu: fastest).")]
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
    [Search(SearchKind.Uniform, 0.0, 0.5, Source = "RealMLP and TabM both search [0, 0.5].", DrawOrder = 3)]
    [Option("dropout", "Drop probability after each hidden activation; 0 = none; null = automatic: 0 for regression; for classification 0 unless that network overfits, then 0.15 is also tried and the lower validation loss kept.", Min = 0, Max = 1, MaxExclusive = true)]
    public double? Dropout { get; set; }

    /// <summary>The dropout automatic mode tries when the network without dropout overfits (classification).</summary>
    public const double AutoDropout = 0.15;

    /// <summary>
    /// <c>epochs</c>: most passes over the training rows (best-epoch selection picks the epoch kept). Default 100: the
    /// cosine schedule spans all of them, and early stopping ends most classification fits after 30-60.
    /// </summary>
    [Option("epochs", "Most passes over the training rows; the epoch with the best validation loss is kept.", Min = 1, Max = 100_000, Resource = true)]
    public int Epochs { get; set; } = 100;

    /// <summary><c>batch_size</c>: rows per optimizer step. Default 256 (RealMLP's and TabM's; full use of the GEMM kernels).</summary>
    [Option("batch_size", "Rows per optimizer step.", Min = 1, Max = 1_000_000, Scale = OptionScale.Log)]
    public int BatchSize { get; set; } = 256;

    /// <summary><c>optimizer</c>. Default AdamW.</summary>
    [Option("optimizer", "sgd (Nesterov momentum), adam, adamw (decoupled weight decay).")]
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.AdamW;

    /// <summary><c>learning_rate</c>: peak learning rate of the schedule. Default 2e-3 (AdamW with batch 256 on scaled inputs).</summary>
    [Search(SearchKind.LogUniform, 3e-4, 1e-2, Source = "TabM searches [1e-4, 5e-3] for AdamW; RealMLP's [0.02, 0.3] belongs to its own parametrization (scaled layers), not AdamW's plain rate. [3e-4, 1e-2] keeps our default 2e-3 in the middle in log terms.", DrawOrder = 1)]
    [Option("learning_rate", "Peak learning rate of the schedule.", Min = 0, MinExclusive = true, Scale = OptionScale.Log)]
    public double LearningRate { get; set; } = 2e-3;

    /// <summary>
    /// <c>weight_decay</c>: decoupled decay for AdamW, L2 for SGD and Adam; never on biases. Default 0.02: mild
    /// shrinkage, per step <c>w -= lr * 0.02 * w</c>.
    /// </summary>
    [Search(SearchKind.LogUniform, 1e-3, 0.1, Source = "RealMLP [1e-3, 5e-2], TabM up to 0.1; our default 0.02 inside.", DrawOrder = 2)]
    [Option("weight_decay", "Decoupled decay (adamw) or L2 (sgd, adam) on weights and embeddings, never on biases.", Min = 0, Scale = OptionScale.Log)]
    public double WeightDecay { get; set; } = 0.02;

    /// <summary>
    /// <c>schedule</c>. Default warm-up + cosine: <c>lr(t) = peak * t / w</c> for the first w steps, then
    /// <c>peak * (1 + cos(pi (t - w) / (T - w))) / 2</c>; the warm-up keeps Adam's first noisy steps small and the
    /// decay to 0 lets the last epochs settle.
    /// </summary>
    [Option("schedule", "Learning rate over the steps: constant, cosine (linear warm-up then cosine to 0), one_cycle (warm-up from lr/25, then annealing).")]
    public ScheduleKind Schedule { get; set; } = ScheduleKind.Cosine;

    /// <summary><c>warmup_fraction</c>: share of all steps spent warming up (cosine and one-cycle). Default 0.05.</summary>
    [Option("warmup_fraction", "Share of the steps spent warming up (cosine, one_cycle).", Min = 0, Max = 1, MaxExclusive = true)]
    public double WarmupFraction { get; set; } = 0.05;

    /// <summary><c>momentum</c>: SGD momentum (Nesterov). Default 0.9.</summary>
    [Option("momentum", "SGD momentum (Nesterov); sgd only.", Min = 0, Max = 1, MaxExclusive = true)]
    public double Momentum { get; set; } = 0.9;

    /// <summary><c>gradient_clip</c>: clip the global gradient norm to this; 0 = no clipping. Default 0.</summary>
    [Option("gradient_clip", "Clip the global gradient norm to this; 0 = no clipping.", Min = 0)]
    public double GradientClip { get; set; }

    /// <summary>
    /// <c>label_smoothing</c>: classification targets become <c>(1 - e) onehot + e / K</c> (ignored for regression).
    /// Default 0.1 (RealMLP's): keeps logits from growing without bound on separable rows.
    /// </summary>
    [Search(SearchKind.Uniform, 0.0, 0.2, Source = "RealMLP searches label smoothing on or off with epsilon up to 0.1; our default is 0.1, so [0, 0.2] has it in the middle. Classification only (dropped for regression).", DrawOrder = 5)]
    [Option("label_smoothing", "Targets become (1 - e) onehot + e / K (classification).", Min = 0, Max = 1, MaxExclusive = true, Tasks = [TaskKind.Binary, TaskKind.Multiclass])]
    public double LabelSmoothing { get; set; } = 0.1;

    /// <summary><c>class_weights</c>: classification only. Default none (the loss then matches accuracy and log-loss).</summary>
    [Option("class_weights", "none (the loss matches accuracy and log-loss) or balanced (n / (K n_k), for recall on rare classes).", Tasks = [TaskKind.Binary, TaskKind.Multiclass])]
    public MlpClassWeights ClassWeights { get; set; } = MlpClassWeights.None;

    /// <summary>
    /// <c>validation_fraction</c>: share of the training rows held out (stratified for classification) to pick the
    /// best epoch and stop early; 0 = no validation split (the last epoch is kept). Default 0.15.
    /// </summary>
    [Option("validation_fraction", "Share of each training fold held out (stratified) to keep the best epoch and stop early; 0 = none (the last epoch is kept). Never the test fold.", Min = 0, Max = 0.9)]
    public double ValidationFraction { get; set; } = 0.15;

    /// <summary><c>early_stopping</c>: stop when the validation loss has not improved for <see cref="Patience"/> epochs. Default true.</summary>
    [Option("early_stopping", "Stop when the validation loss has not improved for `patience` epochs (needs validation_fraction > 0).")]
    public bool EarlyStopping { get; set; } = true;

    /// <summary><c>patience</c>: epochs without improvement before early stopping. Default 20 (a fifth of the epochs: long enough to ride out the noisy middle of the schedule).</summary>
    [Option("patience", "Epochs without improvement before early stopping.", Min = 1, Max = 100_000)]
    public int Patience { get; set; } = 20;

    /// <summary><c>input_scaling</c>. Default auto (robust scaling + smooth clipping unless the pipeline normalized).</summary>
    [Option("input_scaling", "auto (robust_clip unless the preprocessing normalized), robust_clip ((x - median) / IQR then z / sqrt(1 + z^2/9)), robust_log_clip (as robust_clip, but mostly-constant columns with IQR 0 become sign(d) log(1 + |d| / s), s the median nonzero deviation), standard, none. Missing values become the training median.")]
    public MlpInputScaling InputScaling { get; set; } = MlpInputScaling.Auto;

    /// <summary>
    /// <c>numeric_embedding</c>. Default auto: periodic (PLR; why: see <see cref="MlpNumericEmbedding.Periodic"/>) for
    /// up to <see cref="AutoPeriodicMaxInputs"/> numeric inputs, none above (see <see cref="MlpNumericEmbedding.Auto"/>).
    /// </summary>
    [Option("numeric_embedding", "auto (periodic for up to 100 numeric inputs, none above: images, wide tables), periodic (PLR embeddings of each numeric input, Gorishniy et al. 2022) or none (scaled scalars; about twice as fast).")]
    public MlpNumericEmbedding NumericEmbedding { get; set; } = MlpNumericEmbedding.Auto;

    /// <summary>Most numeric inputs for which <c>numeric_embedding: auto</c> chooses the periodic embedding.</summary>
    public const int AutoPeriodicMaxInputs = 100;

    /// <summary><c>periodic_frequencies</c>: k frequencies per numeric input. Default 16.</summary>
    [Option("periodic_frequencies", "Frequencies per numeric input (numeric_embedding: periodic).", Min = 1, Max = 1024)]
    public int PeriodicFrequencies { get; set; } = 16;

    /// <summary><c>periodic_sigma</c>: standard deviation of the initial frequencies (inputs are scaled first). Default 0.1.</summary>
    [Search(SearchKind.LogUniform, 0.01, 10, Source = "Scale of the periodic (PLR) embeddings' frequencies: TabM's frequency scale range [0.01, 10] (RealMLP: [0.01, 50]); used when the embeddings are on.", DrawOrder = 6)]
    [Option("periodic_sigma", "Standard deviation of the initial frequencies (numeric_embedding: periodic).", Min = 0, Max = 1000, MinExclusive = true, Scale = OptionScale.Log)]
    public double PeriodicSigma { get; set; } = 0.1;

    /// <summary><c>periodic_dimension</c>: size of each numeric input's embedding. Default 16.</summary>
    [Option("periodic_dimension", "Embedding size per numeric input (numeric_embedding: periodic).", Min = 1, Max = 1024)]
    public int PeriodicDimension { get; set; } = 16;

    /// <summary>
    /// <c>categorical_embedding_threshold</c>: a one-hot block (one categorical column, found through ML.NET's
    /// <c>CategoricalSlotRanges</c> annotation) with more slots than this is turned back into a category code and
    /// embedded; smaller blocks stay one-hot. Default 16.
    /// </summary>
    [Option("categorical_embedding_threshold", "One-hot blocks (one per categorical column) wider than this become a learned embedding; smaller ones stay one-hot.", Min = 1, Max = 1_000_000)]
    public int CategoricalEmbeddingThreshold { get; set; } = 16;

    /// <summary>
    /// <c>embedding_dim</c>: size of each categorical embedding; null = automatic,
    /// <c>min(16, round(1.6 * categories^0.56))</c> (the fast.ai rule of thumb, capped). Default null.
    /// </summary>
    [Option("embedding_dim", "Size of each categorical embedding; null = min(16, round(1.6 n^0.56)) for n categories.", Min = 1, Max = 1024)]
    public int? EmbeddingDimension { get; set; }

    /// <summary>
    /// <c>ensemble_members</c>: k networks trained at once in one TabM-style ensemble (shared weights, per-member
    /// adapters, per-member output heads; every member's loss summed; predictions averaged as probabilities for
    /// classification and values for regression); 1 = one plain MLP. Default 1.
    /// </summary>
    [Option("ensemble_members", "k members trained at once as one TabM-style ensemble (shared weights, per-member adapters and output heads, member losses summed, probabilities or values averaged); 1 = one plain MLP.", Min = 1, Max = 256)]
    public int EnsembleMembers { get; set; } = 1;

    /// <summary><c>ensemble</c>: <c>tabm</c> (adapters on every hidden layer) or <c>mini</c> (on the first layer's input only). Default tabm.</summary>
    [Option("ensemble", "tabm (per-member scaling and bias on every hidden layer) or mini (per-member scaling of the first layer's input only); ensemble_members > 1.")]
    public MlpEnsemble Ensemble { get; set; } = MlpEnsemble.Tabm;

    /// <summary><c>adapter_init</c>: how each member's first input scaling starts. Default auto (TabM's rule).</summary>
    [Option("adapter_init", "Start of each member's first input scaling: auto (normal after periodic embeddings, else random_signs), random_signs, normal.")]
    public MlpAdapterInit AdapterInit { get; set; } = MlpAdapterInit.Auto;

    /// <summary>
    /// <c>seed</c>: weights, shuffling and the validation split; null = the seed the pipeline gives this fit (through
    /// the ML.NET catalog: 0). Default null.
    /// </summary>
    [Option("seed", "Seed for weights, shuffling and the validation split; null = the run's seed for this fold.", Min = 0, Max = int.MaxValue)]
    public int? Seed { get; set; }

    /// <summary><c>threads</c>: kernel threads; null = all cores. Results are bit-identical for any value. Default null.</summary>
    [Option("threads", "Kernel threads; null = all cores (results are identical for any value).", Min = 1, Max = 1024)]
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
