using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Layers;

public sealed class EnsembleLayerGradientTests
{
    [Fact]
    public void EnsembleView_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new EnsembleView(3), TensorShape.Vector(4), batch: 3);

    [Fact]
    public void BatchEnsembleDense_BackwardWithAllAdapters_MatchesFiniteDifferences() =>
        GradientChecker.Check(new BatchEnsembleDense(5, inputInit: AdapterInitialization.Normal), new TensorShape(3, 4), batch: 3);

    [Fact]
    public void BatchEnsembleDense_BackwardInputAdapterOnlySharedBias_MatchesFiniteDifferences() =>
        GradientChecker.Check(new BatchEnsembleDense(4, outputScaling: false, memberBias: false), new TensorShape(2, 6), batch: 4);

    [Fact]
    public void BatchEnsembleDense_BackwardOutputAdapterAndMemberBiasOnly_MatchesFiniteDifferences() =>
        GradientChecker.Check(new BatchEnsembleDense(3, inputScaling: false), new TensorShape(4, 5), batch: 2);

    [Fact]
    public void BatchEnsembleDense_BackwardWithoutAdapters_MatchesFiniteDifferences() =>
        GradientChecker.Check(new BatchEnsembleDense(3, inputScaling: false, outputScaling: false, memberBias: false, initializer: Initializer.LeCunNormal),
            new TensorShape(3, 4), batch: 3);

    [Fact]
    public void EnsembleDense_Backward_MatchesFiniteDifferences() =>
        GradientChecker.Check(new EnsembleDense(3), new TensorShape(4, 5), batch: 3);

    [Fact]
    public void EnsembleDense_BackwardOneMember_MatchesFiniteDifferences() =>
        GradientChecker.Check(new EnsembleDense(2), new TensorShape(1, 3), batch: 5);
}
