using System.Globalization;
using MLPipelines.Core.Trainers;
using MLPipelines.Neural.Networks;
using MLPipelines.Spec.Declarations;
using MLPipelines.Trainers.Mlp.Plugin;

namespace MLPipelines.Trainers.Cnn.Plugin;

/// <summary>
/// The <c>trainer: cnn</c> options as <see cref="OptionDescriptor"/>s (defaults taken from a fresh
/// <see cref="CnnOptions"/>, so YAML and API defaults cannot drift apart) and the binding of resolved values onto
/// <see cref="CnnOptions"/>.
/// </summary>
internal static class CnnOptionDescriptors
{
    public static IReadOnlyList<OptionDescriptor> All { get; } = Create();

    /// <summary>Options from resolved YAML values (missing keys keep their defaults).</summary>
    public static CnnOptions Bind(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var o = new CnnOptions();
        foreach (var (name, value) in values)
        {
            switch (name)
            {
                case "architecture": o.Architecture = (string)value!; break;
                case "layers": o.Layers = (string?)value; break;
                case "epochs": o.Epochs = Int(value); break;
                case "batch_size": o.BatchSize = Int(value); break;
                case "optimizer": o.Optimizer = MlpEnumNames.Parse<CnnOptimizer>((string)value!); break;
                case "learning_rate": o.LearningRate = Number(value); break;
                case "weight_decay": o.WeightDecay = Number(value); break;
                case "schedule": o.Schedule = MlpEnumNames.Parse<CnnSchedule>((string)value!); break;
                case "warmup_fraction": o.WarmupFraction = Number(value); break;
                case "momentum": o.Momentum = Number(value); break;
                case "gradient_clip": o.GradientClip = Number(value); break;
                case "label_smoothing": o.LabelSmoothing = Number(value); break;
                case "validation_fraction": o.ValidationFraction = Number(value); break;
                case "early_stopping": o.EarlyStopping = (bool)value!; break;
                case "patience": o.Patience = Int(value); break;
                case "normalize": o.Normalize = (bool)value!; break;
                case "crop_padding": o.CropPadding = Int(value); break;
                case "horizontal_flip": o.HorizontalFlip = (bool)value!; break;
                case "random_erasing": o.RandomErasing = Number(value); break;
                case "seed": o.Seed = value is null ? null : Int(value); break;
                case "threads": o.Threads = value is null ? null : Int(value); break;
                default: throw new ArgumentException($"Unknown CNN option '{name}'.", nameof(values));
            }
        }

        return o;
    }

    private static int Int(object? value) => checked((int)Convert.ToInt64(value, CultureInfo.InvariantCulture));

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static OptionDescriptor[] Create()
    {
        var d = new CnnOptions();
        return
        [
            new("architecture", OptionKind.Enum, d.Architecture,
                "Preset network: default (conv32, pool, conv64, conv64, pool, dense 256 + dropout 0.3), reference (conv32, pool, conv64, pool, dense 128), small (conv16, pool, conv32, pool, global average pool), resnet (a pre-activation residual network for 28x28 and 32x32 images: stem conv32, residual blocks of 32, 64 and 128 filters at full, half and quarter size, global average pool). Blocks are conv 3x3 + batch norm + ReLU.")
            { Allowed = CnnPresets.Names },
            new("layers", OptionKind.String, d.Layers,
                "Explicit layers instead of a preset, e.g. \"conv(32) bn relu maxpool(2) conv(64) bn relu maxpool(2) dense(128) relu dropout(0.2)\"; layers: conv(filters[, kernel, stride, padding]), bn, relu, leaky_relu, gelu, silu, tanh, sigmoid, maxpool(size[, stride]), avgpool, gap, flatten, dense(units), dropout(rate). dense(classes) is appended.")
            { Nullable = true },
            new("epochs", OptionKind.Int, (long)d.Epochs, "Passes over the training images.") { Min = 1, Max = 100_000 },
            new("batch_size", OptionKind.Int, (long)d.BatchSize, "Images per optimizer step.") { Min = 2, Max = 65_536 },
            Enum("optimizer", d.Optimizer, "sgd (Nesterov momentum), adam, adamw (decoupled weight decay)."),
            new("learning_rate", OptionKind.Float, d.LearningRate, "Peak learning rate of the schedule.") { Min = 0, MinExclusive = true },
            new("weight_decay", OptionKind.Float, d.WeightDecay, "Decoupled decay (adamw) or L2 (sgd, adam) on weights, never on biases or norms.") { Min = 0 },
            Enum("schedule", d.Schedule, "Learning rate over the steps: constant, cosine (linear warm-up then cosine to 0), one_cycle (warm-up from lr/25, then annealing)."),
            new("warmup_fraction", OptionKind.Float, d.WarmupFraction, "Share of the steps spent warming up (cosine, one_cycle).") { Min = 0, Max = 1, MaxExclusive = true },
            new("momentum", OptionKind.Float, d.Momentum, "SGD momentum (Nesterov); sgd only.") { Min = 0, Max = 1, MaxExclusive = true },
            new("gradient_clip", OptionKind.Float, d.GradientClip, "Clip the global gradient norm to this; 0 = no clipping.") { Min = 0 },
            new("label_smoothing", OptionKind.Float, d.LabelSmoothing, "Targets become (1 - e) onehot + e / K.") { Min = 0, Max = 1, MaxExclusive = true },
            new("validation_fraction", OptionKind.Float, d.ValidationFraction,
                "Share of the training images held out (stratified) for the validation curve and best-epoch selection; 0 = none (the last epoch is kept). Never the test images.") { Min = 0, Max = 0.9 },
            new("early_stopping", OptionKind.Bool, d.EarlyStopping, "Stop when the validation loss has not improved for `patience` epochs (needs validation_fraction > 0)."),
            new("patience", OptionKind.Int, (long)d.Patience, "Epochs without improvement before early stopping.") { Min = 1, Max = 100_000 },
            new("normalize", OptionKind.Bool, d.Normalize, "Standardize pixels per channel with the training images' mean and deviation (inside the saved model too)."),
            new("crop_padding", OptionKind.Int, (long)d.CropPadding, "Augmentation: shift each training image by up to this many pixels per axis (random crop with padding); 0 = off.") { Min = 0, Max = 64 },
            new("horizontal_flip", OptionKind.Bool, d.HorizontalFlip, "Augmentation: mirror training images left-right at random (turn off for digits and text)."),
            new("random_erasing", OptionKind.Float, d.RandomErasing, "Augmentation: probability of blacking out a random rectangle (2%-33% of the image); 0 = off.") { Min = 0, Max = 1 },
            new("seed", OptionKind.Int, d.Seed, "Seed for weights, shuffling, augmentation and the validation split; null = the run's seed for this fit.") { Min = 0, Max = int.MaxValue, Nullable = true },
            new("threads", OptionKind.Int, d.Threads, "Kernel threads; null = all cores (results are identical for any value).") { Min = 1, Max = 1024, Nullable = true },
        ];
    }

    private static OptionDescriptor Enum<T>(string name, T value, string description)
        where T : struct, System.Enum =>
        new(name, OptionKind.Enum, MlpEnumNames.Of(value), description) { Allowed = MlpEnumNames.All<T>() };
}
