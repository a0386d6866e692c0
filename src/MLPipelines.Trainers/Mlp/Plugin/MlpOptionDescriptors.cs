using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Trainers.Mlp.Plugin;

/// <summary>
/// The <c>trainer: mlp</c> options as <see cref="OptionDescriptor"/>s (defaults taken from a fresh
/// <see cref="MlpOptions"/>, so YAML and API defaults cannot drift apart) and the binding of resolved values onto
/// <see cref="MlpOptions"/>.
/// </summary>
internal static class MlpOptionDescriptors
{
    private static readonly TaskKind[] Classification = [TaskKind.Binary, TaskKind.Multiclass];

    public static IReadOnlyList<OptionDescriptor> All { get; } = Create();

    /// <summary>Options from resolved YAML values (missing keys keep their defaults).</summary>
    public static MlpOptions Bind(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var o = new MlpOptions();
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "hidden_layers": o.HiddenLayers = [.. ((IEnumerable<object>)value!).Select(v => checked((int)Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)))]; break;
                case "activation": o.Activation = MlpEnumNames.Parse<MlpActivation>((string)value!); break;
                case "dropout": o.Dropout = value is null ? null : Number(value); break;
                case "epochs": o.Epochs = Int(value); break;
                case "batch_size": o.BatchSize = Int(value); break;
                case "optimizer": o.Optimizer = MlpEnumNames.Parse<MlpOptimizer>((string)value!); break;
                case "learning_rate": o.LearningRate = Number(value); break;
                case "weight_decay": o.WeightDecay = Number(value); break;
                case "schedule": o.Schedule = MlpEnumNames.Parse<MlpSchedule>((string)value!); break;
                case "warmup_fraction": o.WarmupFraction = Number(value); break;
                case "momentum": o.Momentum = Number(value); break;
                case "gradient_clip": o.GradientClip = Number(value); break;
                case "label_smoothing": o.LabelSmoothing = Number(value); break;
                case "class_weights": o.ClassWeights = MlpEnumNames.Parse<MlpClassWeights>((string)value!); break;
                case "validation_fraction": o.ValidationFraction = Number(value); break;
                case "early_stopping": o.EarlyStopping = (bool)value!; break;
                case "patience": o.Patience = Int(value); break;
                case "input_scaling": o.InputScaling = MlpEnumNames.Parse<MlpInputScaling>((string)value!); break;
                case "numeric_embedding": o.NumericEmbedding = MlpEnumNames.Parse<MlpNumericEmbedding>((string)value!); break;
                case "periodic_frequencies": o.PeriodicFrequencies = Int(value); break;
                case "periodic_sigma": o.PeriodicSigma = Number(value); break;
                case "periodic_dimension": o.PeriodicDimension = Int(value); break;
                case "categorical_embedding_threshold": o.CategoricalEmbeddingThreshold = Int(value); break;
                case "embedding_dim": o.EmbeddingDimension = value is null ? null : Int(value); break;
                case "ensemble_members": o.EnsembleMembers = Int(value); break;
                case "ensemble": o.Ensemble = MlpEnumNames.Parse<MlpEnsemble>((string)value!); break;
                case "adapter_init": o.AdapterInit = MlpEnumNames.Parse<MlpAdapterInit>((string)value!); break;
                case "seed": o.Seed = value is null ? null : Int(value); break;
                case "threads": o.Threads = value is null ? null : Int(value); break;
                default: throw new ArgumentException($"Unknown MLP option '{name}'.", nameof(values));
            }
        }

        return o;
    }

    private static int Int(object? value) => checked((int)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));

    private static double Number(object? value) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);

    private static OptionDescriptor[] Create()
    {
        var d = new MlpOptions();
        return
        [
            new("hidden_layers", OptionKind.IntList, d.HiddenLayers.Select(w => (object)(long)w).ToList(),
                "Widths of the hidden layers, e.g. [256, 256, 256]; [] = no hidden layer (a linear model on the encoded inputs).") { Min = 1, Max = 65_536 },
            Enum("activation", d.Activation, "Activation after each hidden layer (selu: self-normalizing, LeCun init; relu: fastest)."),
            new("dropout", OptionKind.Float, d.Dropout, "Drop probability after each hidden activation; 0 = none; null = automatic: 0 for regression; for classification 0 unless that network overfits, then 0.15 is also tried and the lower validation loss kept.") { Min = 0, Max = 1, MaxExclusive = true, Nullable = true },
            new("epochs", OptionKind.Int, (long)d.Epochs, "Most passes over the training rows; the epoch with the best validation loss is kept.") { Min = 1, Max = 100_000 },
            new("batch_size", OptionKind.Int, (long)d.BatchSize, "Rows per optimizer step.") { Min = 1, Max = 1_000_000 },
            Enum("optimizer", d.Optimizer, "sgd (Nesterov momentum), adam, adamw (decoupled weight decay)."),
            new("learning_rate", OptionKind.Float, d.LearningRate, "Peak learning rate of the schedule.") { Min = 0, MinExclusive = true },
            new("weight_decay", OptionKind.Float, d.WeightDecay, "Decoupled decay (adamw) or L2 (sgd, adam) on weights and embeddings, never on biases.") { Min = 0 },
            Enum("schedule", d.Schedule, "Learning rate over the steps: constant, cosine (linear warm-up then cosine to 0), one_cycle."),
            new("warmup_fraction", OptionKind.Float, d.WarmupFraction, "Share of the steps spent warming up (cosine schedule).") { Min = 0, Max = 1, MaxExclusive = true },
            new("momentum", OptionKind.Float, d.Momentum, "SGD momentum (Nesterov); sgd only.") { Min = 0, Max = 1, MaxExclusive = true },
            new("gradient_clip", OptionKind.Float, d.GradientClip, "Clip the global gradient norm to this; 0 = no clipping.") { Min = 0 },
            new("label_smoothing", OptionKind.Float, d.LabelSmoothing, "Targets become (1 - e) onehot + e / K (classification).") { Min = 0, Max = 1, MaxExclusive = true, Tasks = Classification },
            Enum("class_weights", d.ClassWeights, "none (the loss matches accuracy and log-loss) or balanced (n / (K n_k), for recall on rare classes).") with { Tasks = Classification },
            new("validation_fraction", OptionKind.Float, d.ValidationFraction,
                "Share of each training fold held out (stratified) to keep the best epoch and stop early; 0 = none (the last epoch is kept). Never the test fold.") { Min = 0, Max = 0.9 },
            new("early_stopping", OptionKind.Bool, d.EarlyStopping, "Stop when the validation loss has not improved for `patience` epochs (needs validation_fraction > 0)."),
            new("patience", OptionKind.Int, (long)d.Patience, "Epochs without improvement before early stopping.") { Min = 1, Max = 100_000 },
            Enum("input_scaling", d.InputScaling,
                "auto (robust_clip unless the preprocessing normalized), robust_clip ((x - median) / IQR then z / sqrt(1 + z^2/9)), robust_log_clip (as robust_clip, but mostly-constant columns with IQR 0 become sign(d) log(1 + |d| / s), s the median nonzero deviation), standard, none. Missing values become the training median."),
            Enum("numeric_embedding", d.NumericEmbedding, "auto (periodic for up to 100 numeric inputs, none above: images, wide tables), periodic (PLR embeddings of each numeric input, Gorishniy et al. 2022) or none (scaled scalars; about twice as fast)."),
            new("periodic_frequencies", OptionKind.Int, (long)d.PeriodicFrequencies, "Frequencies per numeric input (numeric_embedding: periodic).") { Min = 1, Max = 1024 },
            new("periodic_sigma", OptionKind.Float, d.PeriodicSigma, "Standard deviation of the initial frequencies (numeric_embedding: periodic).") { Min = 0, MinExclusive = true, Max = 1000 },
            new("periodic_dimension", OptionKind.Int, (long)d.PeriodicDimension, "Embedding size per numeric input (numeric_embedding: periodic).") { Min = 1, Max = 1024 },
            new("categorical_embedding_threshold", OptionKind.Int, (long)d.CategoricalEmbeddingThreshold,
                "One-hot blocks (one per categorical column) wider than this become a learned embedding; smaller ones stay one-hot.") { Min = 1, Max = 1_000_000 },
            new("embedding_dim", OptionKind.Int, d.EmbeddingDimension, "Size of each categorical embedding; null = min(16, round(1.6 n^0.56)) for n categories.") { Min = 1, Max = 1024, Nullable = true },
            new("ensemble_members", OptionKind.Int, (long)d.EnsembleMembers,
                "k members trained at once as one TabM-style ensemble (shared weights, per-member adapters and output heads, member losses summed, probabilities or values averaged); 1 = one plain MLP.") { Min = 1, Max = 256 },
            Enum("ensemble", d.Ensemble, "tabm (per-member scaling and bias on every hidden layer) or mini (per-member scaling of the first layer's input only); ensemble_members > 1."),
            Enum("adapter_init", d.AdapterInit, "Start of each member's first input scaling: auto (normal after periodic embeddings, else random_signs), random_signs, normal."),
            new("seed", OptionKind.Int, d.Seed, "Seed for weights, shuffling and the validation split; null = the run's seed for this fold.") { Min = 0, Max = int.MaxValue, Nullable = true },
            new("threads", OptionKind.Int, d.Threads, "Kernel threads; null = all cores (results are identical for any value).") { Min = 1, Max = 1024, Nullable = true },
        ];
    }

    private static OptionDescriptor Enum<T>(string name, T value, string description)
        where T : struct, System.Enum =>
        new(name, OptionKind.Enum, MlpEnumNames.Of(value), description) { Allowed = MlpEnumNames.All<T>() };
}
