using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Layers;

public sealed class ResidualBlockTests
{
    [Fact]
    public void ResidualBlock_BackwardIdentityShortcut_MatchesFiniteDifferences() =>
        GradientChecker.Check(
            new ResidualBlock([new Conv2D(2, padding: 1, initializer: Initializer.GlorotUniform), new Tanh(), new Conv2D(2, padding: 1)]),
            new TensorShape(2, 4, 3), batch: 2);

    [Fact]
    public void ResidualBlock_BackwardPreActivatedStridedProjection_MatchesFiniteDifferences() =>
        GradientChecker.Check(
            new ResidualBlock(
                body: [new Conv2D(3, stride: 2, padding: 1, useBias: false), new BatchNorm2D(), new Tanh(), new Conv2D(3, padding: 1, useBias: false)],
                shortcut: [new Conv2D(3, kernelSize: 1, stride: 2, useBias: false)],
                pre: [new BatchNorm2D(), new Tanh()]),
            new TensorShape(2, 5, 4), batch: 3);

    [Fact]
    public void ResidualBlock_BackwardPreActivatedIdentity_MatchesFiniteDifferences() =>
        GradientChecker.Check(
            new ResidualBlock(body: [new Conv2D(2, padding: 1, useBias: false)], pre: [new BatchNorm2D(), new Sigmoid()]),
            new TensorShape(2, 3, 3), batch: 3);

    [Fact]
    public void ResidualBlock_Forward_IsBodyPlusInput()
    {
        // Given an identity block whose body is a 1x1 convolution with known weights
        var conv = new Conv2D(1, kernelSize: 1, useBias: false);
        var block = new ResidualBlock([conv]);
        block.Build(new TensorShape(1, 1, 2), new Random(1));
        conv.Weight.Value[0] = 3f;

        // When forwarded
        var y = block.Forward(Tensor.Wrap([1f, -2f], 1, new TensorShape(1, 1, 2)), new PassContext());

        // Then y = 3x + x
        Assert.Equal([4f, -8f], y.Span.ToArray());
    }

    [Fact]
    public void ResidualBlock_Build_MismatchedShortcutNamesTheFix()
    {
        // Given a strided body without a projection shortcut
        var block = new ResidualBlock([new Conv2D(4, stride: 2, padding: 1)]);

        // Then building it explains what is missing
        var e = Assert.Throws<ArgumentException>(() => block.Build(new TensorShape(2, 6, 6), new Random(1)));
        Assert.Contains("[4, 3, 3]", e.Message);
        Assert.Contains("1x1 convolution", e.Message);
    }

    [Fact]
    public void ResidualBlock_FusedReluInsideBlock_GivesTheUnfusedResults()
    {
        // Given the same pre-activated block twice, one inside a network (fused BN + ReLU), one built alone and unfused
        static ResidualBlock Make() => new(
            body: [new Conv2D(3, padding: 1, useBias: false), new BatchNorm2D(), new Relu(), new Conv2D(3, padding: 1, useBias: false)],
            pre: [new BatchNorm2D(), new Relu()]);
        var fusedBlock = Make();
        var fused = new Network(new TensorShape(3, 4, 4)).Add(new Conv2D(3, padding: 1)).Add(fusedBlock).Build(5);
        var plainBlock = Make();
        var plain = new Network(new TensorShape(3, 4, 4)) { FuseDenseActivations = false }.Add(new Conv2D(3, padding: 1)).Add(plainBlock).Build(5);
        var x = new Tensor(4, new TensorShape(3, 4, 4));
        var rnd = new Random(2);
        for (var i = 0; i < x.Data.Length; i++)
        {
            x.Data[i] = (float)rnd.NextDouble();
        }

        // When both run forward and backward in training mode
        var yFused = fused.Forward(x, training: true).Span.ToArray();
        var yPlain = plain.Forward(x, training: true).Span.ToArray();
        var dy = Tensor.Wrap([.. yFused.Select((v, i) => (float)Math.Cos(i))], 4, fused.OutputShape);
        fused.Backward(dy);
        plain.Backward(dy);

        // Then the fused block really fused its ReLUs, and outputs and every gradient agree
        Assert.True(((Relu)fusedBlock.Pre[1]).IsFused);
        Assert.True(((Relu)fusedBlock.Body[2]).IsFused);
        Assert.False(((Relu)plainBlock.Pre[1]).IsFused);
        Assert.Equal(yPlain.Length, yFused.Length);
        for (var i = 0; i < yPlain.Length; i++)
        {
            Assert.Equal(yPlain[i], yFused[i], 5);
        }

        for (var p = 0; p < fused.Parameters.Count; p++)
        {
            for (var j = 0; j < fused.Parameters[p].Gradient.Length; j++)
            {
                Assert.Equal(plain.Parameters[p].Gradient[j], fused.Parameters[p].Gradient[j], 4);
            }
        }
    }

    [Theory]
    [InlineData(1, 28)]
    [InlineData(3, 32)]
    public void CnnPresets_ResNet_HalvesTwiceAndEndsInTheClasses(int channels, int side)
    {
        // Given the resnet preset for 28x28 grayscale or 32x32 colour images
        var net = CnnPresets.Create("resnet", new TensorShape(channels, side, side), 10).Build(1);

        // Then its blocks run at side, side/2 and side/4 with 32, 64, 128 filters, and it outputs 10 logits
        var blocks = net.Layers.OfType<ResidualBlock>().ToArray();
        Assert.Equal(new TensorShape(32, side, side), blocks[0].OutputShape);
        Assert.Equal(new TensorShape(64, side / 2, side / 2), blocks[1].OutputShape);
        Assert.Equal(new TensorShape(128, (side + 3) / 4, (side + 3) / 4), blocks[2].OutputShape);
        Assert.Null(blocks[0].Shortcut);
        Assert.NotNull(blocks[1].Shortcut);
        Assert.Equal(TensorShape.Vector(10), net.OutputShape);
    }
}
