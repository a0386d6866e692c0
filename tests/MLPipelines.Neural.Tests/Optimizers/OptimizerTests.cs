using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Optimizers;

public sealed class OptimizerTests
{
    private static Parameter Param(ParameterRole role, float value, float gradient)
    {
        var p = new Parameter("p", TensorShape.Vector(1), role);
        p.Value[0] = value;
        p.Gradient[0] = gradient;
        return p;
    }

    [Fact]
    public void Sgd_Step_SubtractsLearningRateTimesGradient()
    {
        var p = Param(ParameterRole.Weight, 1f, 0.5f);
        new Sgd().Step([p], 0.1f);
        Assert.Equal(0.95f, p.Value[0], 6);
    }

    [Fact]
    public void Sgd_StepWithMomentum_AccumulatesVelocity()
    {
        // b1 = 1, p = 1 - 0.1 = 0.9; b2 = 0.9 * 1 + 1 = 1.9, p = 0.9 - 0.19 = 0.71.
        var p = Param(ParameterRole.Weight, 1f, 1f);
        var sgd = new Sgd(momentum: 0.9f);
        sgd.Step([p], 0.1f);
        Assert.Equal(0.9f, p.Value[0], 6);
        sgd.Step([p], 0.1f);
        Assert.Equal(0.71f, p.Value[0], 6);
    }

    [Fact]
    public void Sgd_StepWithNesterov_LooksAhead()
    {
        // b1 = 1, update g + mu b = 1.9 -> p = 0.81; b2 = 1.9, update 1 + 0.9 * 1.9 = 2.71 -> p = 0.539.
        var p = Param(ParameterRole.Weight, 1f, 1f);
        var sgd = new Sgd(momentum: 0.9f, nesterov: true);
        sgd.Step([p], 0.1f);
        Assert.Equal(0.81f, p.Value[0], 6);
        sgd.Step([p], 0.1f);
        Assert.Equal(0.539f, p.Value[0], 5);
    }

    [Fact]
    public void Adam_FirstStep_MovesByLearningRateTimesSignOfGradient()
    {
        // Bias-corrected m/sqrt(v) = g/|g| at t = 1, so the step is lr (up to eps).
        var p = Param(ParameterRole.Weight, 1f, 0.3f);
        new Adam().Step([p], 0.01f);
        Assert.Equal(0.99f, p.Value[0], 6);
    }

    [Fact]
    public void Adam_SecondStep_MatchesHandComputedValue()
    {
        // g1 = 1, g2 = -2. m2 = 0.9*0.1 + 0.1*(-2) = -0.11, v2 = 0.999*0.001 + 0.001*4 = 0.004999;
        // mhat = -0.11 / 0.19, vhat = 0.004999 / 0.001999; p2 = 0.999 + 0.001 * 0.578947 / 1.581368 = 0.99936610.
        var p = Param(ParameterRole.Weight, 1f, 1f);
        var adam = new Adam();
        adam.Step([p], 0.001f);
        p.Gradient[0] = -2f;
        adam.Step([p], 0.001f);
        Assert.Equal(0.99936610, p.Value[0], 6);
    }

    [Fact]
    public void AdamW_Step_DecaysWeightsButNotBiases()
    {
        // Decoupled: p = p (1 - lr wd) - lr sign(g) = 2 * (1 - 0.1 * 0.5) - 0.1 = 1.8 for the weight; bias: 2 - 0.1.
        var w = Param(ParameterRole.Weight, 2f, 1f);
        var b = Param(ParameterRole.Bias, 2f, 1f);
        var n = Param(ParameterRole.Normalization, 2f, 1f);
        new AdamW(weightDecay: 0.5f).Step([w, b, n], 0.1f);
        Assert.Equal(1.8f, w.Value[0], 5);
        Assert.Equal(1.9f, b.Value[0], 5);
        Assert.Equal(1.9f, n.Value[0], 5);
    }

    [Fact]
    public void Adam_StepWithWeightDecay_AddsL2ToTheGradient()
    {
        // The first Adam step moves by lr against the sign of g' = g + wd p: g' = -1.5 + 0.5 * 2 = -0.5 < 0,
        // so the weight goes up to 2.1 (without decay it would too); with g = -0.5, g' = +0.5 and it goes down.
        var w = Param(ParameterRole.Weight, 2f, -1.5f);
        var w2 = Param(ParameterRole.Weight, 2f, -0.5f);
        new Adam(weightDecay: 0.5f).Step([w, w2], 0.1f);
        Assert.Equal(2.1f, w.Value[0], 5);
        Assert.Equal(1.9f, w2.Value[0], 5);
    }

    [Fact]
    public void Adam_Step_VectorAndScalarPathsAgree()
    {
        // 37 elements: two Vector512 blocks and a scalar tail, all with the same value and gradient.
        var p = new Parameter("p", TensorShape.Vector(37), ParameterRole.Weight);
        p.Value.AsSpan().Fill(1f);
        p.Gradient.AsSpan().Fill(0.25f);
        var adamw = new AdamW();
        adamw.Step([p], 0.01f);
        adamw.Step([p], 0.01f);
        Assert.All(p.Value, v => Assert.Equal(p.Value[0], v));
    }

    [Fact]
    public void GradientClipping_ClipByGlobalNorm_ScalesToMaxNormAndReportsNorm()
    {
        var a = Param(ParameterRole.Weight, 0f, 3f);
        var b = Param(ParameterRole.Bias, 0f, 4f);
        var norm = GradientClipping.ClipByGlobalNorm([a, b], 1f);
        Assert.Equal(5.0, norm, 6);
        Assert.Equal(0.6f, a.Gradient[0], 6);
        Assert.Equal(0.8f, b.Gradient[0], 6);
    }

    [Fact]
    public void GradientClipping_ClipByGlobalNorm_LeavesSmallGradientsAlone()
    {
        var a = Param(ParameterRole.Weight, 0f, 0.3f);
        GradientClipping.ClipByGlobalNorm([a], 1f);
        Assert.Equal(0.3f, a.Gradient[0]);
    }

    [Fact]
    public void AdamW_StepWithTwoThreads_IsBitIdenticalToOneThread()
    {
        // 70,001 elements: above the parallel threshold, split into 5 chunks, the last one ragged.
        Parameter Make()
        {
            var p = new Parameter("w", TensorShape.Vector(70_001), ParameterRole.Weight);
            var r = new Random(3);
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] = (float)r.NextDouble();
                p.Gradient[i] = (float)(r.NextDouble() - 0.5);
            }

            return p;
        }

        var one = Make();
        var two = Make();
        var a = new AdamW { Threads = 1 };
        var b = new AdamW { Threads = 2 };
        for (var s = 0; s < 3; s++)
        {
            a.Step([one], 1e-2f);
            b.Step([two], 1e-2f);
        }

        Assert.Equal(one.Value, two.Value);
    }
}
