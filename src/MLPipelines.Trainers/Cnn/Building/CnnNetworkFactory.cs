using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Trainers.Cnn.Building;

/// <summary>The unbuilt network for <see cref="CnnOptions"/>: the explicit <c>layers</c> list, else the <c>architecture</c> preset.</summary>
internal static class CnnNetworkFactory
{
    /// <summary>Creates and builds the network; a layer list that does not fit the images gives a message naming both.</summary>
    /// <exception cref="ArgumentException">The layers do not fit <paramref name="input"/>.</exception>
    public static Network Create(CnnOptions options, TensorShape input, int classes, int seed)
    {
        var net = options.Layers is { } text ? FromLayers(text, input, classes) : CnnPresets.Create(options.Architecture, input, classes);
        net.Threads = options.Threads ?? 0;
        try
        {
            return net.Build(seed);
        }
        catch (ArgumentException e)
        {
            var what = options.Layers is null ? $"architecture '{options.Architecture}'" : $"layers \"{options.Layers}\"";
            throw new ArgumentException($"CNN: the {what} do not fit images of {input}: {e.Message}", nameof(options), e);
        }
    }

    /// <summary>The network of a <c>layers</c> list (already validated by <see cref="CnnLayerParser"/>) plus <c>dense(classes)</c>.</summary>
    public static Network FromLayers(string text, TensorShape input, int classes)
    {
        var (layers, errors) = CnnLayerParser.Parse(text);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"CNN layers: {string.Join("; ", errors)}", nameof(text));
        }

        var net = new Network(input);
        var flat = input.Rank == 1;
        for (var i = 0; i < layers.Count; i++)
        {
            var s = layers[i];
            var nextIsNorm = i + 1 < layers.Count && layers[i + 1].Name == "bn";
            if (s.Name == "dense" && !flat)
            {
                net.Add(new Flatten());
                flat = true;
            }

            net.Add(Layer(s, flat, nextIsNorm));
            flat |= s.Name is "flatten" or "gap" or "dense";
        }

        if (!flat)
        {
            net.Add(new Flatten());
        }

        return net.Add(new Dense(classes));
    }

    private static Layer Layer(CnnLayerSpec s, bool flat, bool nextIsNorm)
    {
        int Int(int i, double fallback) => (int)s.Argument(i, fallback);
        switch (s.Name)
        {
            case "conv":
                var kernel = Int(1, 3);
                return new Conv2D(Int(0, 0), kernel, Int(2, 1), Int(3, kernel / 2), useBias: !nextIsNorm);
            case "bn":
                return flat ? new BatchNorm() : new BatchNorm2D();
            case "maxpool":
                return new MaxPool2D(Int(0, 2), Int(1, Int(0, 2)));
            case "avgpool":
                return new AvgPool2D(Int(0, 2), Int(1, Int(0, 2)));
            case "gap":
                return new GlobalAvgPool();
            case "flatten":
                return new Flatten();
            case "dense":
                return new Dense(Int(0, 0));
            case "dropout":
                return new Dropout((float)s.Argument(0, 0));
            case "relu":
                return new Relu();
            case "leaky_relu":
                return new LeakyRelu((float)s.Argument(0, 0.01));
            case "gelu":
                return new Gelu();
            case "silu":
                return new Silu();
            case "tanh":
                return new Tanh();
            case "sigmoid":
                return new Sigmoid();
            default:
                throw new ArgumentException($"Unknown layer '{s.Name}'.", nameof(s));
        }
    }
}
