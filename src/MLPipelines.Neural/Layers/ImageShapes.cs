using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Layers;

/// <summary>Shape checks shared by the image layers (per-sample shape <c>[C, H, W]</c>).</summary>
internal static class ImageShapes
{
    /// <summary>Throws unless <paramref name="shape"/> is <c>[C, H, W]</c>; returns (C, H, W).</summary>
    public static (int Channels, int Height, int Width) Require(TensorShape shape, string layer)
    {
        if (shape.Rank != 3)
        {
            throw new ArgumentException(
                $"{layer} expects image samples [channels, height, width], got {shape}" +
                (shape.Rank == 1 ? "; flat rows need a network input shape of [C, H, W] (e.g. new Network(new TensorShape(1, 28, 28)))." : "."),
                nameof(shape));
        }

        return (shape[0], shape[1], shape[2]);
    }

    /// <summary>Window geometry over a [C, H, W] input; throws naming the layer when the window does not fit.</summary>
    public static ConvGeometry Window(TensorShape shape, string layer, int kernel, int stride, int padding)
    {
        var (c, h, w) = Require(shape, layer);
        var g = new ConvGeometry(c, h, w, kernel, kernel, stride, stride, padding, padding);
        try
        {
            g.Validate();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{layer} on input {shape}: {e.Message}", nameof(shape), e);
        }

        return g;
    }

    /// <summary>Output shape <c>[channels, outH, outW]</c> of a window geometry.</summary>
    public static TensorShape Output(int channels, ConvGeometry g) => new(channels, g.OutHeight, g.OutWidth);
}
