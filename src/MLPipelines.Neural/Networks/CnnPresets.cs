using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Networks;

/// <summary>
/// Named convolutional architectures for small images <c>[C, H, W]</c> (e.g. 28x28 grayscale). Each returns an
/// unbuilt <see cref="Network"/>: set <see cref="Network.Threads"/> if needed, then call <see cref="Network.Build"/>.
/// </summary>
/// <remarks>
/// Blocks are <c>Conv2D(3x3, pad 1) + BatchNorm2D + ReLU</c> (the ReLU is fused into the batch norm), halved by
/// 2x2 max pooling; a Dense head follows a Flatten. Image sides must be divisible by 4 for the 2-pool presets.
/// </remarks>
public static class CnnPresets
{
    /// <summary>The preset names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["default", "reference", "small", "resnet"];

    /// <summary>The preset called <paramref name="name"/> (see <see cref="Names"/>).</summary>
    public static Network Create(string name, TensorShape input, int classes) => name switch
    {
        "default" => Default(input, classes),
        "reference" => Reference(input, classes),
        "small" => Small(input, classes),
        "resnet" => ResNet(input, classes),
        _ => throw new ArgumentException($"Unknown CNN preset '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name)),
    };

    /// <summary>
    /// The default CNN: conv(32) + BN + ReLU, max pool 2, conv(64) + BN + ReLU, conv(64) + BN + ReLU, max pool 2,
    /// dense 256 + ReLU + dropout 0.3, dense <paramref name="classes"/>. Convolutions have no bias (the batch norm's
    /// shift replaces it).
    /// </summary>
    public static Network Default(TensorShape input, int classes)
    {
        var net = new Network(input);
        Block(net, 32, bias: false).Add(new MaxPool2D(2));
        Block(net, 64, bias: false);
        Block(net, 64, bias: false).Add(new MaxPool2D(2));
        return net.Add(new Flatten()).Add(new Dense(256)).Add(new Relu()).Add(new Dropout(0.3f)).Add(new Dense(classes));
    }

    /// <summary>
    /// The network of the PyTorch comparison (bench/cnn_vs_torch.py): two blocks conv(32) and conv(64), each
    /// 3x3 pad 1 with bias + BN + ReLU + max pool 2, then dense 128 + ReLU, dense <paramref name="classes"/>.
    /// </summary>
    public static Network Reference(TensorShape input, int classes)
    {
        var net = new Network(input);
        Block(net, 32, bias: true).Add(new MaxPool2D(2));
        Block(net, 64, bias: true).Add(new MaxPool2D(2));
        return net.Add(new Flatten()).Add(new Dense(128)).Add(new Relu()).Add(new Dense(classes));
    }

    /// <summary>A quick one: conv(16) and conv(32) blocks with max pooling, global average pooling, dense <paramref name="classes"/>.</summary>
    public static Network Small(TensorShape input, int classes)
    {
        var net = new Network(input);
        Block(net, 16, bias: false).Add(new MaxPool2D(2));
        Block(net, 32, bias: false).Add(new MaxPool2D(2));
        return net.Add(new GlobalAvgPool()).Add(new Dense(classes));
    }

    /// <summary>
    /// A small pre-activation residual network (He et al. 2016b) for 28x28 and 32x32 images: a 3x3 stem convolution
    /// (<paramref name="widths"/>[0] filters), then one pre-activation block per width, the first at stride 1 and
    /// each later one at stride 2 with a 1x1 strided projection shortcut (28x28 -> 28, 14, 7), then batch norm +
    /// ReLU, global average pooling and dense <paramref name="classes"/>. Convolutions have no bias (a batch norm
    /// follows each, or the block's sum does).
    /// </summary>
    public static Network ResNet(TensorShape input, int classes, IReadOnlyList<int>? widths = null, int blocksPerStage = 1)
    {
        widths ??= ResNetWidths;
        ArgumentOutOfRangeException.ThrowIfLessThan(widths.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blocksPerStage, 1);
        var net = new Network(input).Add(new Conv2D(widths[0], kernelSize: 3, padding: 1, useBias: false));
        var channels = widths[0];
        for (var stage = 0; stage < widths.Count; stage++)
        {
            for (var b = 0; b < blocksPerStage; b++)
            {
                var stride = stage > 0 && b == 0 ? 2 : 1;
                net.Add(PreActivationBlock(channels, widths[stage], stride));
                channels = widths[stage];
            }
        }

        return net.Add(new BatchNorm2D()).Add(new Relu()).Add(new GlobalAvgPool()).Add(new Dense(classes));
    }

    /// <summary>The default filters per stage of <see cref="ResNet"/>.</summary>
    public static IReadOnlyList<int> ResNetWidths { get; } = [32, 64, 128];

    /// <summary>
    /// BN + ReLU, then conv 3x3 (stride) + BN + ReLU + conv 3x3, added to the input (identity) or to a 1x1 strided
    /// projection of the pre-activated input when the stride or width changes.
    /// </summary>
    public static ResidualBlock PreActivationBlock(int inChannels, int outChannels, int stride)
    {
        Layer[] body =
        [
            new Conv2D(outChannels, kernelSize: 3, stride: stride, padding: 1, useBias: false), new BatchNorm2D(), new Relu(),
            new Conv2D(outChannels, kernelSize: 3, padding: 1, useBias: false),
        ];
        Layer[]? shortcut = stride != 1 || inChannels != outChannels
            ? [new Conv2D(outChannels, kernelSize: 1, stride: stride, useBias: false)]
            : null;
        return new ResidualBlock(body, shortcut, [new BatchNorm2D(), new Relu()]);
    }

    private static Network Block(Network net, int filters, bool bias) =>
        net.Add(new Conv2D(filters, kernelSize: 3, padding: 1, useBias: bias)).Add(new BatchNorm2D()).Add(new Relu());
}
