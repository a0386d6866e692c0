using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Tensors;
using MLPipelines.Trainers.Cnn;
using MLPipelines.Trainers.Cnn.Building;

namespace MLPipelines.Trainers.Tests.Cnn;

/// <summary>How a <c>layers</c> list becomes a network: aliases, defaults, bias only without a following norm, flatten and output added.</summary>
public sealed class CnnNetworkFactoryTests
{
    [Fact]
    public void CnnNetworkFactory_FromLayers_AddsFlattenBeforeDenseAndTheOutputLayer()
    {
        var net = CnnNetworkFactory.FromLayers("conv2d(8) batchnorm relu maxpool(2), dense(16) bn dropout(0.5)", new TensorShape(1, 8, 8), classes: 3);

        Assert.Equal(
            ["Conv2D", "BatchNorm2D", "Relu", "MaxPool2D", "Flatten", "Dense", "BatchNorm", "Dropout", "Dense"],
            net.Layers.Select(l => l.GetType().Name));
        var conv = Assert.IsType<Conv2D>(net.Layers[0]);
        Assert.False(conv.UseBias); // the batch norm's shift replaces the bias
        Assert.Equal((3, 1, 1), (conv.KernelSize, conv.Stride, conv.Padding));
        Assert.Equal(3, ((Dense)net.Layers[^1]).Units);
    }

    [Fact]
    public void CnnNetworkFactory_FromLayers_ConvWithoutNormKeepsItsBiasAndExplicitGeometry()
    {
        var net = CnnNetworkFactory.FromLayers("conv(4, 5, 2, 0) leaky_relu(0.2) gap", new TensorShape(3, 16, 16), classes: 2);
        net.Build(seed: 1);

        var conv = Assert.IsType<Conv2D>(net.Layers[0]);
        Assert.True(conv.UseBias);
        Assert.Equal((5, 2, 0), (conv.KernelSize, conv.Stride, conv.Padding));
        Assert.Equal(new TensorShape(4, 6, 6), conv.OutputShape);
        Assert.Equal(0.2f, Assert.IsType<LeakyRelu>(net.Layers[1]).Slope);
        Assert.Equal(["Conv2D", "LeakyRelu", "GlobalAvgPool", "Dense"], net.Layers.Select(l => l.GetType().Name));
        Assert.Equal(new TensorShape(2), net.OutputShape);
    }

    [Fact]
    public void CnnNetworkFactory_Create_PresetIsUsedWhenNoLayersAreGiven()
    {
        var net = CnnNetworkFactory.Create(new CnnOptions { Architecture = "small" }, new TensorShape(1, 8, 8), classes: 4, seed: 2);

        Assert.True(net.IsBuilt);
        Assert.Contains(net.Layers, l => l is GlobalAvgPool);
        Assert.Equal(new TensorShape(4), net.OutputShape);
    }
}
