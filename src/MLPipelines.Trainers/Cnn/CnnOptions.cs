using MLPipelines.Spec.Declarations;
using MLPipelines.Trainers.Training;

namespace MLPipelines.Trainers.Cnn;

/// <summary>
/// Every setting of the CNN image classifier. Each property mirrors a YAML option of <c>trainer: cnn</c> (the
/// snake_case name is given first); the defaults are the tuned defaults for small images (e.g. 28x28 grayscale), and
/// every one can be overridden.
/// </summary>
/// <remarks>
/// The network: <c>pixels -> (x - mean_c) / std_c -> layers (a preset or an explicit list) -> Dense(classes) -> softmax</c>.
/// The pixel standardization (per channel, fitted on the training images) and the softmax are part of the exported
/// ONNX graph, so the model reads the same pixels the trainer read.
/// </remarks>
public sealed class CnnOptions : INetworkTrainingOptions
{
    /// <summary>Label column (API only; pipelines always use <c>Label</c>): a key type. Default <c>Label</c>.</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>
    /// Feature column (API only): a known-size vector of Single holding each image as <c>[C, H, W]</c> (channel-major,
    /// row-major inside a channel). Default <c>Features</c>.
    /// </summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>
    /// Image shape <c>[channels, height, width]</c> of the feature vector (API only; pipelines pass the data's shape).
    /// Null = inferred from the vector length n: <c>[1, s, s]</c> when n = s^2, else <c>[3, s, s]</c> when n = 3 s^2.
    /// Default null.
    /// </summary>
    public IReadOnlyList<int>? ImageShape { get; set; }

    /// <summary>
    /// <c>architecture</c>: a named preset (<see cref="Neural.Networks.CnnPresets"/>): <c>default</c> (conv32, pool,
    /// conv64, conv64, pool, dense 256 + dropout 0.3), <c>reference</c> (conv32, pool, conv64, pool, dense 128),
    /// <c>small</c> (conv16, pool, conv32, pool, global average pool), <c>resnet</c> (pre-activation residual blocks of
    /// 32, 64 and 128 filters, the last two strided, global average pool). Ignored when <see cref="Layers"/> is set.
    /// Default <c>default</c>.
    /// </summary>
    [Option("architecture", "Preset network: default (conv32, pool, conv64, conv64, pool, dense 256 + dropout 0.3), reference (conv32, pool, conv64, pool, dense 128), small (conv16, pool, conv32, pool, global average pool), resnet (a pre-activation residual network for 28x28 and 32x32 images: stem conv32, residual blocks of 32, 64 and 128 filters at full, half and quarter size, global average pool). Blocks are conv 3x3 + batch norm + ReLU.", ChoicesFrom = typeof(Neural.Networks.CnnPresets))]
    public string Architecture { get; set; } = "default";

    /// <summary>
    /// <c>layers</c>: an explicit layer list instead of a preset, e.g.
    /// <c>"conv(32) bn relu maxpool(2) conv(64) bn relu maxpool(2) flatten dense(128) relu dropout(0.2)"</c>
    /// (see <see cref="Building.CnnLayerParser"/> for every layer); the output <c>dense(classes)</c> is appended.
    /// Null = use <see cref="Architecture"/>. Default null.
    /// </summary>
    [Option("layers", "Explicit layers instead of a preset, e.g. \"conv(32) bn relu maxpool(2) conv(64) bn relu maxpool(2) dense(128) relu dropout(0.2)\"; layers: conv(filters[, kernel, stride, padding]), bn, relu, leaky_relu, gelu, silu, tanh, sigmoid, maxpool(size[, stride]), avgpool, gap, flatten, dense(units), dropout(rate). dense(classes) is appended.")]
    public string? Layers { get; set; }

    /// <summary><c>epochs</c>: passes over the training images. Default 15.</summary>
    [Option("epochs", "Passes over the training images.", Min = 1, Max = 100_000, Resource = true)]
    public int Epochs { get; set; } = 15;

    /// <summary><c>batch_size</c>: images per optimizer step. Default 128.</summary>
    [Option("batch_size", "Images per optimizer step.", Min = 2, Max = 65_536, Scale = OptionScale.Log)]
    public int BatchSize { get; set; } = 128;

    /// <summary><c>optimizer</c>. Default AdamW.</summary>
    [Option("optimizer", "sgd (Nesterov momentum), adam, adamw (decoupled weight decay).")]
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.AdamW;

    /// <summary><c>learning_rate</c>: peak learning rate of the schedule. Default 3e-3.</summary>
    [Search(SearchKind.LogUniform, 1e-3, 1e-2, Source = "One-cycle peak rates for AdamW are usually 1e-3 to 1e-2; our default 3e-3 inside.")]
    [Option("learning_rate", "Peak learning rate of the schedule.", Min = 0, MinExclusive = true, Scale = OptionScale.Log)]
    public double LearningRate { get; set; } = 3e-3;

    /// <summary><c>weight_decay</c>: decoupled decay for AdamW, L2 for SGD and Adam; never on biases or norms. Default 0.01.</summary>
    [Search(SearchKind.LogUniform, 1e-3, 0.1, Source = "Decoupled decay around our default 0.01, a decade each way.")]
    [Option("weight_decay", "Decoupled decay (adamw) or L2 (sgd, adam) on weights, never on biases or norms.", Min = 0, Scale = OptionScale.Log)]
    public double WeightDecay { get; set; } = 0.01;

    /// <summary><c>schedule</c>. Default one-cycle.</summary>
    [Option("schedule", "Learning rate over the steps: constant, cosine (linear warm-up then cosine to 0), one_cycle (warm-up from lr/25, then annealing).")]
    public ScheduleKind Schedule { get; set; } = ScheduleKind.OneCycle;

    /// <summary><c>warmup_fraction</c>: share of all steps spent warming up (cosine and one-cycle). Default 0.2.</summary>
    [Option("warmup_fraction", "Share of the steps spent warming up (cosine, one_cycle).", Min = 0, Max = 1, MaxExclusive = true)]
    public double WarmupFraction { get; set; } = 0.2;

    /// <summary><c>momentum</c>: SGD momentum (Nesterov). Default 0.9.</summary>
    [Option("momentum", "SGD momentum (Nesterov); sgd only.", Min = 0, Max = 1, MaxExclusive = true)]
    public double Momentum { get; set; } = 0.9;

    /// <summary><c>gradient_clip</c>: clip the global gradient norm to this; 0 = no clipping. Default 0.</summary>
    [Option("gradient_clip", "Clip the global gradient norm to this; 0 = no clipping.", Min = 0)]
    public double GradientClip { get; set; }

    /// <summary><c>label_smoothing</c>: targets become <c>(1 - e) onehot + e / K</c>. Default 0.1.</summary>
    [Search(SearchKind.Uniform, 0.0, 0.2, Source = "Around our default 0.1 (Szegedy et al. 2016 used 0.1).")]
    [Option("label_smoothing", "Targets become (1 - e) onehot + e / K.", Min = 0, Max = 1, MaxExclusive = true)]
    public double LabelSmoothing { get; set; } = 0.1;

    /// <summary>
    /// <c>validation_fraction</c>: share of the training images held out (stratified) to report a validation curve and
    /// keep the weights of the epoch with the lowest validation loss; 0 = no validation split (the last epoch is
    /// kept, every image trains). Default 0.1.
    /// </summary>
    [Option("validation_fraction", "Share of the training images held out (stratified) for the validation curve and best-epoch selection; 0 = none (the last epoch is kept). Never the test images.", Min = 0, Max = 0.9)]
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary><c>early_stopping</c>: stop when the validation loss has not improved for <see cref="Patience"/> epochs. Default false.</summary>
    [Option("early_stopping", "Stop when the validation loss has not improved for `patience` epochs (needs validation_fraction > 0).")]
    public bool EarlyStopping { get; set; }

    /// <summary><c>patience</c>: epochs without improvement before early stopping. Default 5.</summary>
    [Option("patience", "Epochs without improvement before early stopping.", Min = 1, Max = 100_000)]
    public int Patience { get; set; } = 5;

    /// <summary><c>normalize</c>: standardize pixels per channel with the training images' mean and deviation. Default true.</summary>
    [Option("normalize", "Standardize pixels per channel with the training images' mean and deviation (inside the saved model too).")]
    public bool Normalize { get; set; } = true;

    /// <summary>
    /// <c>crop_padding</c>: random crop with padding (augmentation): each training image is shifted by up to this many
    /// pixels on each axis, black pixels filling in; 0 = off. Default 2.
    /// </summary>
    [Search(new object[] { 0, 2, 4 }, Source = "No shift, our default 2 pixels, or 4 (the usual CIFAR padding).", DrawOrder = 1)]
    [Option("crop_padding", "Augmentation: shift each training image by up to this many pixels per axis (random crop with padding); 0 = off.", Min = 0, Max = 64)]
    public int CropPadding { get; set; } = 2;

    /// <summary>
    /// <c>horizontal_flip</c>: mirror each training image left-right with probability 1/2 (augmentation). Turn off
    /// for images whose meaning changes when mirrored (digits, text). Default true.
    /// </summary>
    [Option("horizontal_flip", "Augmentation: mirror training images left-right at random (turn off for digits and text).")]
    public bool HorizontalFlip { get; set; } = true;

    /// <summary>
    /// <c>random_erasing</c>: probability of blacking out one random rectangle (2%-33% of the image) of each training
    /// image (augmentation, Zhong et al. 2017); 0 = off. Default 0.
    /// </summary>
    [Search(SearchKind.Uniform, 0.0, 0.5, Source = "Zhong et al. 2020 found probabilities up to 0.5 helpful on small images.")]
    [Option("random_erasing", "Augmentation: probability of blacking out a random rectangle (2%-33% of the image); 0 = off.", Min = 0, Max = 1)]
    public double RandomErasing { get; set; }

    /// <summary><c>seed</c>: weights, shuffling, augmentation and the validation split; null = the pipeline's seed for this fit (catalog: 0). Default null.</summary>
    [Option("seed", "Seed for weights, shuffling, augmentation and the validation split; null = the run's seed for this fit.", Min = 0, Max = int.MaxValue)]
    public int? Seed { get; set; }

    /// <summary><c>threads</c>: kernel threads; null = all cores. Results are bit-identical for any value. Default null.</summary>
    [Option("threads", "Kernel threads; null = all cores (results are identical for any value).", Min = 1, Max = 1024)]
    public int? Threads { get; set; }

    /// <summary>A copy (lists copied too).</summary>
    public CnnOptions Clone()
    {
        var copy = (CnnOptions)MemberwiseClone();
        copy.ImageShape = ImageShape is null ? null : [.. ImageShape];
        return copy;
    }
}
