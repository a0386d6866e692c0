using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Layers;

public sealed class ConvLayerBehaviourTests
{
    private static Tensor RandomBatch(int batch, TensorShape shape, int seed)
    {
        var r = new Random(seed);
        var x = new Tensor(batch, shape);
        for (var i = 0; i < x.Length; i++)
        {
            x.Data[i] = (float)((r.NextDouble() * 2) - 1);
        }

        return x;
    }

    [Fact]
    public void Conv2D_Forward_MatchesDirectConvolution()
    {
        // Given a strided, padded convolution over 3-channel 7x6 images
        var conv = new Conv2D(4, kernelSize: 3, stride: 2, padding: 1);
        conv.Build(new TensorShape(3, 7, 6), new Random(1));
        for (var i = 0; i < conv.Bias!.Value.Length; i++)
        {
            conv.Bias.Value[i] = 0.1f * (i + 1);
        }

        var x = RandomBatch(2, conv.InputShape, 2);

        // When run forward
        var y = conv.Forward(x, new PassContext { Threads = 2 });

        // Then every output is the windowed sum of the definition
        Assert.Equal(new TensorShape(4, 4, 3), y.SampleShape);
        var w = conv.Weight.Value;
        for (var n = 0; n < 2; n++)
        {
            for (var f = 0; f < 4; f++)
            {
                for (var oy = 0; oy < 4; oy++)
                {
                    for (var ox = 0; ox < 3; ox++)
                    {
                        double sum = conv.Bias.Value[f];
                        for (var c = 0; c < 3; c++)
                        {
                            for (var i = 0; i < 3; i++)
                            {
                                for (var j = 0; j < 3; j++)
                                {
                                    int iy = (oy * 2) - 1 + i, ix = (ox * 2) - 1 + j;
                                    if (iy >= 0 && iy < 7 && ix >= 0 && ix < 6)
                                    {
                                        sum += w[(((f * 3) + c) * 9) + (i * 3) + j] * x.Data[(n * 126) + (c * 42) + (iy * 6) + ix];
                                    }
                                }
                            }
                        }

                        Assert.Equal(sum, y.Data[(n * 48) + (f * 12) + (oy * 3) + ox], 1e-5);
                    }
                }
            }
        }
    }

    [Fact]
    public void Conv2D_Build_RejectsFlatSamplesNamingTheExpectedShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Network(784).Add(new Conv2D(8)).Build(1));
        Assert.Contains("[channels, height, width]", ex.Message);
        Assert.Contains("[784]", ex.Message);
    }

    [Fact]
    public void Conv2D_Build_RejectsKernelLargerThanPaddedImage()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Network(new TensorShape(1, 2, 2)).Add(new Conv2D(8, kernelSize: 5)).Build(1));
        Assert.Contains("Conv2D", ex.Message);
    }

    [Fact]
    public void Network_ConvBatchNormReluFused_EqualsUnfusedBitForBit()
    {
        // Given the same conv net with ReLU fused into Conv2D / BatchNorm2D, and unfused
        Network Build(bool fuse) => new Network(new TensorShape(2, 6, 6)) { FuseDenseActivations = fuse }
            .Add(new Conv2D(4, padding: 1)).Add(new Relu())
            .Add(new Conv2D(5, padding: 1)).Add(new BatchNorm2D()).Add(new Relu()).Add(new MaxPool2D())
            .Add(new Flatten()).Add(new Dense(3)).Build(3);
        var fused = Build(true);
        var plain = Build(false);
        Assert.Equal(MLPipelines.Neural.Kernels.GemmActivation.Relu, ((Conv2D)fused.Layers[0]).FusedActivation);
        Assert.True(((BatchNorm2D)fused.Layers[3]).HasFusedActivation);
        var x = RandomBatch(5, fused.InputShape, 4);
        var dy = RandomBatch(5, TensorShape.Vector(3), 5);

        // When both run a training forward and backward
        var yFused = fused.Forward(x, training: true).Span.ToArray();
        var yPlain = plain.Forward(x, training: true).Span.ToArray();
        fused.Backward(dy);
        plain.Backward(dy);

        // Then outputs and every gradient are identical
        Assert.Equal(yPlain, yFused);
        for (var p = 0; p < fused.Parameters.Count; p++)
        {
            Assert.Equal(plain.Parameters[p].Gradient, fused.Parameters[p].Gradient);
        }
    }

    [Fact]
    public void Network_ConvForwardBackward_IsBitIdenticalWithOneAndTwoThreads()
    {
        // Batch 19 spans three weight-gradient groups, so group sums and their order are exercised.
        float[][] Run(int threads)
        {
            var net = new Network(new TensorShape(3, 9, 9)) { Threads = threads }
                .Add(new Conv2D(6, padding: 1)).Add(new BatchNorm2D()).Add(new Relu()).Add(new MaxPool2D())
                .Add(new Conv2D(4, stride: 2, padding: 1)).Add(new Relu()).Add(new AvgPool2D(2, stride: 1)).Add(new GlobalAvgPool()).Add(new Dense(2)).Build(7);
            net.Forward(RandomBatch(19, net.InputShape, 1), training: true);
            net.Backward(RandomBatch(19, TensorShape.Vector(2), 2));
            return [.. net.Parameters.Select(p => p.Gradient.ToArray())];
        }

        var one = Run(1);
        var two = Run(2);
        for (var i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i], two[i]);
        }
    }

    [Fact]
    public void Network_ConvWithThirtyTwoFilters_IsBitIdenticalWithOneAndTwoThreads()
    {
        // 32 filters take the transposed weight-gradient path; batch 19 spans three gradient groups.
        float[][] Run(int threads)
        {
            var net = new Network(new TensorShape(2, 8, 8)) { Threads = threads }
                .Add(new Conv2D(32, padding: 1, useBias: false)).Add(new BatchNorm2D()).Add(new Relu())
                .Add(new Conv2D(32, padding: 1)).Add(new Relu()).Add(new GlobalAvgPool()).Add(new Dense(3)).Build(11);
            net.Forward(RandomBatch(19, net.InputShape, 3), training: true);
            net.Backward(RandomBatch(19, TensorShape.Vector(3), 4));
            return [.. net.Parameters.Select(p => p.Gradient.ToArray())];
        }

        var one = Run(1);
        var two = Run(2);
        for (var i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i], two[i]);
        }
    }

    [Fact]
    public void BatchNorm2D_TrainingForward_StandardizesEachChannel()
    {
        var norm = new BatchNorm2D();
        norm.Build(new TensorShape(2, 3, 3), new Random(1));
        var x = RandomBatch(4, norm.InputShape, 3);
        for (var i = 0; i < x.Length; i++)
        {
            x.Data[i] = (x.Data[i] * 3) + (i / 9 % 2 == 0 ? 5 : -2); // channel 0 around 5, channel 1 around -2
        }

        var y = norm.Forward(x, new PassContext { Training = true });

        for (var c = 0; c < 2; c++)
        {
            var values = Enumerable.Range(0, 4).SelectMany(n => y.Data.Skip((n * 18) + (c * 9)).Take(9)).ToArray();
            Assert.Equal(0, values.Average(), 1e-5);
            Assert.Equal(1, values.Select(v => v * v).Average(), 1e-3);
        }

        Assert.NotEqual(0f, norm.RunningMean[0]);
    }

    [Fact]
    public void MaxPool2D_Forward_TakesTheWindowMaximum()
    {
        var pool = new MaxPool2D(2);
        pool.Build(new TensorShape(1, 4, 4), new Random(1));
        var x = Tensor.Wrap([1, 2, 3, 4, 8, 7, 6, 5, 0, -1, -2, -3, -4, -5, 9, -6], 1, pool.InputShape);

        var y = pool.Forward(x, new PassContext());

        Assert.Equal([8f, 6f, 0f, 9f], y.Span.ToArray());
    }

    [Fact]
    public void Flatten_Forward_SharesTheInputBuffer()
    {
        var flatten = new Flatten();
        flatten.Build(new TensorShape(2, 3, 4), new Random(1));
        var x = RandomBatch(3, flatten.InputShape, 1);

        var y = flatten.Forward(x, new PassContext());

        Assert.Same(x.Data, y.Data);
        Assert.Equal(TensorShape.Vector(24), y.SampleShape);
    }
}
