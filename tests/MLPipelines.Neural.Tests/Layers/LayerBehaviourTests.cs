using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Layers;

public sealed class LayerBehaviourTests
{
    private static readonly PassContext Train = new() { Training = true };
    private static readonly PassContext Infer = new() { Training = false };

    [Fact]
    public void Dropout_Forward_ZeroesAboutRateAndScalesTheRest()
    {
        var layer = new Dropout(0.25f);
        layer.Build(TensorShape.Vector(1000), new Random(3));
        var x = new Tensor(4, TensorShape.Vector(1000));
        x.Span.Fill(2f);

        var y = layer.Forward(x, Train).Span.ToArray();

        var zeros = y.Count(v => v == 0f);
        Assert.InRange(zeros / 4000.0, 0.22, 0.28);
        Assert.All(y.Where(v => v != 0f), v => Assert.Equal(2f / 0.75f, v, 5));
    }

    [Fact]
    public void Dropout_Backward_UsesTheForwardMask()
    {
        var layer = new Dropout(0.5f);
        layer.Build(TensorShape.Vector(50), new Random(3));
        layer.NeedsInputGradient = true;
        var x = new Tensor(2, TensorShape.Vector(50));
        x.Span.Fill(1f);
        var y = layer.Forward(x, Train).Span.ToArray();
        var dy = new Tensor(2, TensorShape.Vector(50));
        dy.Span.Fill(3f);

        var dx = layer.Backward(dy, Train)!.Span.ToArray();

        for (var i = 0; i < y.Length; i++)
        {
            Assert.Equal(y[i] * 3f, dx[i]);
        }
    }

    [Fact]
    public void Dropout_ForwardInInference_IsIdentity()
    {
        var layer = new Dropout(0.5f);
        layer.Build(TensorShape.Vector(3), new Random(3));
        var x = Tensor.Wrap([1f, 2f, 3f], 1, TensorShape.Vector(3));

        Assert.Equal([1f, 2f, 3f], layer.Forward(x, Infer).Span.ToArray());
    }

    [Fact]
    public void BatchNorm_ForwardInInference_UsesRunningStatistics()
    {
        var layer = new BatchNorm(momentum: 1f);
        layer.Build(TensorShape.Vector(1), new Random(1));
        var x = Tensor.Wrap([1f, 3f], 2, TensorShape.Vector(1));
        layer.Forward(x, Train);

        // momentum 1: running mean = 2, running (unbiased) variance = 2.
        Assert.Equal(2f, layer.RunningMean[0]);
        Assert.Equal(2f, layer.RunningVariance[0]);
        var y = layer.Forward(Tensor.Wrap([4f], 1, TensorShape.Vector(1)), Infer).Span[0];
        Assert.Equal(2 / MathF.Sqrt(2f + 1e-5f), y, 5);
    }

    [Fact]
    public void Embedding_Forward_MapsOutOfRangeAndNaNCodesToZero()
    {
        var layer = new Embedding([new CategoricalColumn(0, 3, 2)]);
        layer.Build(TensorShape.Vector(2), new Random(1));
        var table = layer.Tables[0].Value;
        var x = Tensor.Wrap([float.NaN, 7f, -1f, 8f, 2f, 9f], 3, TensorShape.Vector(2));

        var y = layer.Forward(x, Infer).Span.ToArray();

        Assert.Equal([7f, table[0], table[1], 8f, table[0], table[1], 9f, table[4], table[5]], y);
    }

    [Fact]
    public void Dense_Build_RejectsImageShapedInputWithAHint()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Dense(3).Build(new TensorShape(1, 8, 8), new Random(1)));
        Assert.Contains("Flatten", ex.Message);
    }

    [Fact]
    public void Layer_Forward_RejectsWrongShapeStatingExpectedAndActual()
    {
        var layer = new Relu();
        layer.Build(TensorShape.Vector(4), new Random(1));

        var ex = Assert.Throws<ArgumentException>(() => layer.Forward(new Tensor(2, TensorShape.Vector(5)), Infer));
        Assert.Contains("expected input samples of shape [4], got [5]", ex.Message);
    }

    [Fact]
    public void Dropout_Forward_NewMaskEachCallSameMasksForSameSeed()
    {
        float[] Masks(int seed)
        {
            var layer = new Dropout(0.5f);
            layer.Build(TensorShape.Vector(100), new Random(seed));
            var x = new Tensor(1, TensorShape.Vector(100));
            x.Span.Fill(1f);
            var first = layer.Forward(x, Train).Span.ToArray();
            var second = layer.Forward(x, Train).Span.ToArray();
            Assert.NotEqual(first, second);
            return [.. first, .. second];
        }

        Assert.Equal(Masks(7), Masks(7));
        Assert.NotEqual(Masks(7), Masks(8));
    }
}
