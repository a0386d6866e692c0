using System.Numerics.Tensors;

namespace MLPipelines.Neural.Losses;

/// <summary>
/// The loss of an ensemble network whose output is <c>[k, width]</c> per row (k members, e.g. TabM). Training
/// follows TabM: every member is trained on the batch as if alone, and the objective is the sum of the k members'
/// losses (each the member loss's own mean over rows), so the gradient written is <c>dLoss_i/dz_i</c> for each
/// member's outputs. The value returned is the loss of the ensemble's prediction (the members combined by
/// <see cref="EnsembleMean"/>: mean probability or mean value), which is what the model predicts: learning curves,
/// best-epoch choice and early stopping then follow the ensemble, not one member.
/// </summary>
public sealed class EnsembleLoss : Loss
{
    private float[] _memberTargets = [];
    private float[] _combined = [];

    /// <summary>Wraps <paramref name="memberLoss"/> for <paramref name="members"/> members.</summary>
    public EnsembleLoss(Loss memberLoss, int members)
    {
        ArgumentNullException.ThrowIfNull(memberLoss);
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        MemberLoss = memberLoss;
        Members = members;
        Averaging = memberLoss switch
        {
            SoftmaxCrossEntropy => EnsembleAveraging.SoftmaxProbabilities,
            BinaryCrossEntropyWithLogits => EnsembleAveraging.SigmoidProbabilities,
            _ => EnsembleAveraging.Values,
        };
    }

    /// <summary>The loss of one member.</summary>
    public Loss MemberLoss { get; }

    /// <summary>Number of members k.</summary>
    public int Members { get; }

    /// <summary>How members are combined for the returned loss (from the member loss: probabilities for cross-entropies).</summary>
    public EnsembleAveraging Averaging { get; }

    /// <inheritdoc />
    public override int TargetWidth(int outputWidth) => MemberLoss.TargetWidth(MemberWidth(outputWidth));

    /// <inheritdoc />
    public override double Evaluate(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int rows, int cols, Span<float> gradient)
    {
        CheckSizes(outputs, targets, rows, cols, gradient);
        var width = MemberWidth(cols);
        var targetWidth = TargetWidth(cols);
        if (!gradient.IsEmpty)
        {
            // Member rows are the [rows k, width] matrix; row r k + i belongs to sample r, so its target is r's.
            var expanded = Buffer(ref _memberTargets, rows * Members * targetWidth);
            for (var r = 0; r < rows; r++)
            {
                var t = targets.Slice(r * targetWidth, targetWidth);
                for (var i = 0; i < Members; i++)
                {
                    t.CopyTo(expanded.Slice(((r * Members) + i) * targetWidth, targetWidth));
                }
            }

            // The member loss averages over its rows k: scaling by k makes it the sum over members of each mean.
            MemberLoss.Evaluate(outputs, expanded, rows * Members, width, gradient);
            TensorPrimitives.Multiply(gradient[..(rows * cols)], Members, gradient[..(rows * cols)]);
        }

        var combined = Buffer(ref _combined, rows * width);
        EnsembleMean.Combine(outputs, rows, Members, width, Averaging, combined);
        return MemberLoss.Evaluate(combined, targets, rows, width, []);
    }

    private int MemberWidth(int outputWidth)
    {
        if (outputWidth % Members != 0)
        {
            throw new ArgumentException($"The network has {outputWidth} outputs per row, not a multiple of the {Members} ensemble members.", nameof(outputWidth));
        }

        return outputWidth / Members;
    }

    private static Span<float> Buffer(ref float[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new float[length];
        }

        return buffer.AsSpan(0, length);
    }
}
