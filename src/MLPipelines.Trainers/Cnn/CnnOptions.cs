using MLPipelines.Spec;

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
public sealed class CnnOptions
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
    public string Architecture { get; set; } = "default";

    /// <summary>
    /// <c>layers</c>: an explicit layer list instead of a preset, e.g.
    /// <c>"conv(32) bn relu maxpool(2) conv(64) bn relu maxpool(2) flatten dense(128) relu dropout(0.2)"</c>
    /// (see <see cref="Building.CnnLayerParser"/> for every layer); the output <c>dense(classes)</c> is appended.
    /// Null = use <see cref="Architecture"/>. Default null.
    /// </summary>
    public string? Layers { get; set; }

    /// <summary><c>epochs</c>: passes over the training images. Default 15.</summary>
    public int Epochs { get; set; } = 15;

    /// <summary><c>batch_size</c>: images per optimizer step. Default 128.</summary>
    public int BatchSize { get; set; } = 128;

    /// <summary><c>optimizer</c>. Default AdamW.</summary>
    public CnnOptimizer Optimizer { get; set; } = CnnOptimizer.AdamW;

    /// <summary><c>learning_rate</c>: peak learning rate of the schedule. Default 3e-3.</summary>
    public double LearningRate { get; set; } = 3e-3;

    /// <summary><c>weight_decay</c>: decoupled decay for AdamW, L2 for SGD and Adam; never on biases or norms. Default 0.01.</summary>
    public double WeightDecay { get; set; } = 0.01;

    /// <summary><c>schedule</c>. Default one-cycle.</summary>
    public CnnSchedule Schedule { get; set; } = CnnSchedule.OneCycle;

    /// <summary><c>warmup_fraction</c>: share of all steps spent warming up (cosine and one-cycle). Default 0.2.</summary>
    public double WarmupFraction { get; set; } = 0.2;

    /// <summary><c>momentum</c>: SGD momentum (Nesterov). Default 0.9.</summary>
    public double Momentum { get; set; } = 0.9;

    /// <summary><c>gradient_clip</c>: clip the global gradient norm to this; 0 = no clipping. Default 0.</summary>
    public double GradientClip { get; set; }

    /// <summary><c>label_smoothing</c>: targets become <c>(1 - e) onehot + e / K</c>. Default 0.1.</summary>
    public double LabelSmoothing { get; set; } = 0.1;

    /// <summary>
    /// <c>validation_fraction</c>: share of the training images held out (stratified) to report a validation curve and
    /// keep the weights of the epoch with the lowest validation loss; 0 = no validation split (the last epoch is
    /// kept, every image trains). Default 0.1.
    /// </summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary><c>early_stopping</c>: stop when the validation loss has not improved for <see cref="Patience"/> epochs. Default false.</summary>
    public bool EarlyStopping { get; set; }

    /// <summary><c>patience</c>: epochs without improvement before early stopping. Default 5.</summary>
    public int Patience { get; set; } = 5;

    /// <summary><c>normalize</c>: standardize pixels per channel with the training images' mean and deviation. Default true.</summary>
    public bool Normalize { get; set; } = true;

    /// <summary>
    /// <c>crop_padding</c>: random crop with padding (augmentation): each training image is shifted by up to this many
    /// pixels on each axis, black pixels filling in; 0 = off. Default 2.
    /// </summary>
    public int CropPadding { get; set; } = 2;

    /// <summary>
    /// <c>horizontal_flip</c>: mirror each training image left-right with probability 1/2 (augmentation). Turn off
    /// for images whose meaning changes when mirrored (digits, text). Default true.
    /// </summary>
    public bool HorizontalFlip { get; set; } = true;

    /// <summary>
    /// <c>random_erasing</c>: probability of blacking out one random rectangle (2%-33% of the image) of each training
    /// image (augmentation, Zhong et al. 2017); 0 = off. Default 0.
    /// </summary>
    public double RandomErasing { get; set; }

    /// <summary><c>seed</c>: weights, shuffling, augmentation and the validation split; null = the pipeline's seed for this fit (catalog: 0). Default null.</summary>
    public int? Seed { get; set; }

    /// <summary><c>threads</c>: kernel threads; null = all cores. Results are bit-identical for any value. Default null.</summary>
    public int? Threads { get; set; }

    /// <summary>A copy (lists copied too).</summary>
    public CnnOptions Clone()
    {
        var copy = (CnnOptions)MemberwiseClone();
        copy.ImageShape = ImageShape is null ? null : [.. ImageShape];
        return copy;
    }
}
