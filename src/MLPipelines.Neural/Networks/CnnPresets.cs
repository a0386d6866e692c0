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
    public static IReadOnlyList<string> Names { get; } = ["default", "reference", "small"];

    /// <summary>The preset called <paramref name="name"/> (see <see cref="Names"/>).</summary>
    public static Network Create(string name, TensorShape input, int classes) => name switch
    {
        "default" => Default(input, classes),
        "reference" => Reference(input, classes),
        "small" => Small(input, classes),
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

    private static Network Block(Network net, int filters, bool bias) =>
        net.Add(new Conv2D(filters, kernelSize: 3, padding: 1, useBias: bias)).Add(new BatchNorm2D()).Add(new Relu());
}
