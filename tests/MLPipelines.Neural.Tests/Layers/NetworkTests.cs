using MLPipelines.Neural.Kernels;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Layers;

public sealed class NetworkTests
{
    private static Network Build(bool fuse, Func<Layer> activation) =>
        new Network(7) { FuseDenseActivations = fuse }
            .Add(new Dense(9)).Add(activation()).Add(new Dense(5)).Add(activation()).Add(new Dense(3)).Build(4);

    [Theory]
    [InlineData(0f)]
    [InlineData(0.2f)]
    public void Network_FusedDenseActivation_GivesSameOutputsAndGradientsAsUnfused(float slope)
    {
        Layer Act() => slope == 0f ? new Relu() : new LeakyRelu(slope);
        var fused = Build(true, Act);
        var plain = Build(false, Act);
        Assert.Equal(slope == 0f ? GemmActivation.Relu : GemmActivation.LeakyRelu, ((Dense)fused.Layers[0]).FusedActivation);
        Assert.Equal(GemmActivation.None, ((Dense)plain.Layers[0]).FusedActivation);
        var r = new Random(5);
        var x = new Tensor(6, TensorShape.Vector(7));
        for (var i = 0; i < x.Length; i++)
        {
            x.Data[i] = (float)((r.NextDouble() * 4) - 2);
        }

        var g = new Tensor(6, TensorShape.Vector(3));
        for (var i = 0; i < g.Length; i++)
        {
            g.Data[i] = (float)(r.NextDouble() - 0.5);
        }

        var yFused = fused.Forward(x, training: true).Span.ToArray();
        var yPlain = plain.Forward(x, training: true).Span.ToArray();
        fused.Backward(g);
        plain.Backward(g);

        Assert.Equal(yPlain, yFused);
        for (var p = 0; p < plain.Parameters.Count; p++)
        {
            Assert.Equal(plain.Parameters[p].Gradient, fused.Parameters[p].Gradient);
        }
    }

    [Fact]
    public void Network_Build_ChainsShapesAndSkipsInputGradientOfFirstLayer()
    {
        var net = new Network(4).Add(new Dropout(0.1f)).Add(new Dense(8)).Add(new Relu()).Add(new Dense(2)).Build(1);

        Assert.Equal(TensorShape.Vector(2), net.OutputShape);
        Assert.False(net.Layers[0].NeedsInputGradient);
        Assert.False(net.Layers[1].NeedsInputGradient);
        Assert.True(net.Layers[3].NeedsInputGradient);
        Assert.Equal((4 * 8) + 8 + (8 * 2) + 2, net.ParameterCount);
    }

    [Fact]
    public void Network_RestoreState_BringsBackParametersAndBatchNormStatistics()
    {
        var net = new Network(3).Add(new Dense(4)).Add(new BatchNorm()).Add(new Dense(2)).Build(1);
        var x = Tensor.Wrap([1f, 2f, 3f, 4f, 5f, 6f], 2, TensorShape.Vector(3));
        var before = net.Predict(x.Span, 2);
        var state = net.CaptureState();

        net.Forward(x, training: true); // moves the running statistics
        net.Parameters[0].Value[0] += 1f;
        Assert.NotEqual(before, net.Predict(x.Span, 2));
        net.RestoreState(state);

        Assert.Equal(before, net.Predict(x.Span, 2));
    }

    [Fact]
    public void Network_Predict_RejectsWrongFeatureCount()
    {
        var net = new Network(3).Add(new Dense(2)).Build(1);
        var ex = Assert.Throws<ArgumentException>(() => net.Predict(new float[7], 2));
        Assert.Contains("Expected 2 x 3 = 6 features, got 7", ex.Message);
    }

    [Fact]
    public void Network_Build_SameSeedSameWeights()
    {
        var a = new Network(5).Add(new Dense(6, Initializers.Initializer.LeCunNormal)).Build(3);
        var b = new Network(5).Add(new Dense(6, Initializers.Initializer.LeCunNormal)).Build(3);
        var c = new Network(5).Add(new Dense(6, Initializers.Initializer.LeCunNormal)).Build(4);

        Assert.Equal(a.Parameters[0].Value, b.Parameters[0].Value);
        Assert.NotEqual(a.Parameters[0].Value, c.Parameters[0].Value);
    }
}
