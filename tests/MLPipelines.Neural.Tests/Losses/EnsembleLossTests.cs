using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Tests.Layers;

namespace MLPipelines.Neural.Tests.Losses;

public sealed class EnsembleLossTests
{
    private const int Rows = 3;
    private const int Members = 2;

    // [rows, members, width] with width 3 (multiclass) - reused as width 1 x 6 members' worth for the other tasks.
    private static readonly float[] Outputs = [0.3f, -1.2f, 2.0f, 0.5f, 0.1f, -0.4f, -2.0f, 1.5f, 0.7f, 1.1f, 0.9f, -0.3f, 0.2f, 0.2f, -0.6f, 1.8f, -0.9f, 0.4f];

    public static TheoryData<string> Names => ["ce", "bce", "mse"];

    private static (Loss Member, float[] Targets, int Width) Make(string name) => name switch
    {
        "ce" => (new SoftmaxCrossEntropy(0.1f), [2f, 0f, 1f], 3),
        "bce" => (new BinaryCrossEntropyWithLogits(), [1f, 0f, 1f, 1f, 0f, 0.2f, 0f, 1f, 1f], 3),
        _ => (new MeanSquaredError(), [0.5f, -1f, 2f, 0f, 1f, -0.5f, 1f, 1f, 0f], 3),
    };

    /// <summary>The training objective computed independently: the member loss of each member's rows, summed.</summary>
    private static double SumOfMemberLosses(Loss member, float[] z, float[] targets, int width)
    {
        var tw = member.TargetWidth(width);
        double total = 0;
        for (var i = 0; i < Members; i++)
        {
            var rows = Enumerable.Range(0, Rows).SelectMany(r => z.Skip(((r * Members) + i) * width).Take(width)).ToArray();
            total += member.Evaluate(rows, targets.AsSpan(0, Rows * tw), Rows, width, []);
        }

        return total;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EnsembleLoss_Gradient_IsThatOfTheSumOfMemberLosses(string name)
    {
        // Given an ensemble loss over 2 members
        var (member, targets, width) = Make(name);
        var loss = new EnsembleLoss(member, Members);
        var z = (float[])Outputs.Clone();
        var grad = new float[z.Length];

        // When evaluated with a gradient
        loss.Evaluate(z, targets, Rows, Members * width, grad);

        // Then the gradient is d/dz of the sum over members of each member's loss
        for (var j = 0; j < z.Length; j++)
        {
            var saved = z[j];
            z[j] = saved + 1e-2f;
            var plus = SumOfMemberLosses(member, z, targets, width);
            z[j] = saved - 1e-2f;
            var minus = SumOfMemberLosses(member, z, targets, width);
            z[j] = saved;
            GradientChecker.AssertClose(grad[j], (plus - minus) / 2e-2, 2e-3, $"{name} d/dz[{j}]");
        }
    }

    [Fact]
    public void EnsembleLoss_Value_IsTheLogLossOfTheMeanProbability()
    {
        // Given two members' logits for 3 rows of 3 classes and the unsmoothed cross-entropy
        var loss = new EnsembleLoss(new SoftmaxCrossEntropy(), Members);
        float[] targets = [2f, 0f, 1f];

        // When evaluated
        var value = loss.Evaluate(Outputs, targets, Rows, Members * 3, []);

        // Then it is -mean log(mean over members of softmax(z_i)[y])
        double expected = 0;
        for (var r = 0; r < Rows; r++)
        {
            double p = 0;
            for (var i = 0; i < Members; i++)
            {
                var z = Outputs.Skip(((r * Members) + i) * 3).Take(3).Select(v => (double)v).ToArray();
                p += Math.Exp(z[(int)targets[r]]) / z.Sum(Math.Exp) / Members;
            }

            expected -= Math.Log(p) / Rows;
        }

        Assert.Equal(expected, value, 5);
    }

    [Theory]
    [InlineData(EnsembleAveraging.SoftmaxProbabilities)]
    [InlineData(EnsembleAveraging.SigmoidProbabilities)]
    [InlineData(EnsembleAveraging.Values)]
    public void EnsembleMean_Combine_MapsBackToTheMeanPrediction(EnsembleAveraging averaging)
    {
        // Given 3 rows of 2 members with 3 outputs each, some logits extreme enough to round probabilities in float
        var z = (float[])Outputs.Clone();
        z[0] = 60f;
        z[4] = -80f;
        var combined = new float[Rows * 3];

        // When combined
        EnsembleMean.Combine(z, Rows, Members, 3, averaging, combined);

        // Then the combined output, read as one network's output, is the members' mean prediction
        for (var r = 0; r < Rows; r++)
        {
            var members = Enumerable.Range(0, Members).Select(i => z.Skip(((r * Members) + i) * 3).Take(3).Select(v => (double)v).ToArray()).ToArray();
            var c = combined.Skip(r * 3).Take(3).Select(v => (double)v).ToArray();
            for (var k = 0; k < 3; k++)
            {
                var (expected, actual) = averaging switch
                {
                    EnsembleAveraging.SoftmaxProbabilities => (members.Average(m => Math.Exp(m[k] - LogSumExp(m))), Math.Exp(c[k] - LogSumExp(c))),
                    EnsembleAveraging.SigmoidProbabilities => (members.Average(m => 1 / (1 + Math.Exp(-m[k]))), 1 / (1 + Math.Exp(-c[k]))),
                    _ => (members.Average(m => m[k]), c[k]),
                };
                Assert.True(double.IsFinite(c[k]));
                Assert.Equal(expected, actual, 5);
            }
        }
    }

    [Fact]
    public void EnsembleMetric_Accuracy_ScoresTheMeanProbabilityNotTheMeanLogit()
    {
        // Given one row where two of three members give class 0 a probability of 0.95 and the third is extremely
        // sure of class 1: mean logits favour class 1 (0 vs 8), mean probabilities class 0 (0.63 vs 0.37)
        float[] z = [0f, -3f, 0f, -3f, 0f, 30f];
        var metric = new EnsembleMetric(new Accuracy(), 3, EnsembleAveraging.SoftmaxProbabilities);

        // When updated with target class 0
        metric.Update(z, [0f], 1, 6);

        // Then the ensemble's prediction is class 0
        Assert.Equal(1.0, metric.Result);
        Assert.Equal("accuracy", metric.Name);
    }

    [Fact]
    public void EnsembleLoss_TargetWidth_ComesFromTheMemberWidth()
    {
        Assert.Equal(1, new EnsembleLoss(new SoftmaxCrossEntropy(), 4).TargetWidth(4 * 26));
        Assert.Equal(2, new EnsembleLoss(new MeanSquaredError(), 4).TargetWidth(8));
        Assert.Throws<ArgumentException>(() => new EnsembleLoss(new MeanSquaredError(), 4).TargetWidth(6));
    }

    private static double LogSumExp(double[] v)
    {
        var max = v.Max();
        return max + Math.Log(v.Sum(x => Math.Exp(x - max)));
    }
}
