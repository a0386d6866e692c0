using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Neural.Tests.Layers;

public sealed class EnsembleLayerBehaviourTests
{
    private static readonly PassContext Context = new() { Training = true, Threads = 1 };

    [Fact]
    public void EnsembleView_Forward_CopiesEachRowOncePerMember()
    {
        // Given a view of 3 members over rows of 2 features
        var view = new EnsembleView(3);
        view.Build(TensorShape.Vector(2), new Random(1));
        var x = Tensor.Wrap([1f, 2f, 3f, 4f], 2, TensorShape.Vector(2));

        // When forwarded
        var y = view.Forward(x, Context);

        // Then each sample is [3, 2] holding three copies of its row
        Assert.Equal(new TensorShape(3, 2), y.SampleShape);
        Assert.Equal([1f, 2f, 1f, 2f, 1f, 2f, 3f, 4f, 3f, 4f, 3f, 4f], y.Span.ToArray());
    }

    [Fact]
    public void BatchEnsembleDense_RandomSignChunks_GiveOneSignPerFeatureAndMember()
    {
        // Given a first TabM layer over two features of 3 embedding values each, random-sign adapters per feature
        var layer = new BatchEnsembleDense(4, inputInit: AdapterInitialization.RandomSigns, initChunks: [3, 3]);
        layer.Build(new TensorShape(8, 6), new Random(7));

        // Then every r value is +-1, constant inside a chunk, members differ, and s starts at ones
        var r = layer.InputScale!.Value;
        Assert.All(r, v => Assert.True(v is 1f or -1f));
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(r[i * 6], r[(i * 6) + 2]);
            Assert.Equal(r[(i * 6) + 3], r[(i * 6) + 5]);
        }

        Assert.Contains(Enumerable.Range(1, 7), i => r[i * 6] != r[0] || r[(i * 6) + 3] != r[3]);
        Assert.All(layer.OutputScale!.Value, v => Assert.Equal(1f, v));
        Assert.Equal(ParameterRole.Normalization, layer.InputScale.Role);
    }

    [Fact]
    public void BatchEnsembleDense_Forward_EqualsEachMembersOwnLayer()
    {
        // Given a built layer with adapters and member biases set to distinct values
        var layer = new BatchEnsembleDense(3, inputInit: AdapterInitialization.Normal);
        layer.Build(new TensorShape(2, 4), new Random(3));
        var rnd = new Random(5);
        foreach (var p in layer.Parameters)
        {
            for (var j = 0; j < p.Value.Length; j++)
            {
                p.Value[j] = (float)(rnd.NextDouble() - 0.5);
            }
        }

        var x = Tensor.Wrap([.. Enumerable.Range(0, 2 * 2 * 4).Select(i => (float)Math.Sin(i))], 2, new TensorShape(2, 4));

        // When forwarded
        var y = layer.Forward(x, Context).Span.ToArray();

        // Then y[n, i, o] = sum_c x[n, i, c] r[i, c] W[c, o] * s[i, o] + b[i, o]
        var (w, r, s, b) = (layer.Weight.Value, layer.InputScale!.Value, layer.OutputScale!.Value, layer.Bias.Value);
        for (var n = 0; n < 2; n++)
        {
            for (var i = 0; i < 2; i++)
            {
                for (var o = 0; o < 3; o++)
                {
                    double z = 0;
                    for (var c = 0; c < 4; c++)
                    {
                        z += x.Data[(((n * 2) + i) * 4) + c] * r[(i * 4) + c] * w[(c * 3) + o];
                    }

                    var expected = (z * s[(i * 3) + o]) + b[(i * 3) + o];
                    Assert.Equal(expected, y[(((n * 2) + i) * 3) + o], 5);
                }
            }
        }
    }

    [Fact]
    public void EnsembleDense_Build_RejectsFlatSamples()
    {
        var layer = new EnsembleDense(3);
        var e = Assert.Throws<ArgumentException>(() => layer.Build(TensorShape.Vector(4), new Random(1)));
        Assert.Contains("EnsembleView", e.Message);
    }

    [Fact]
    public void BatchEnsembleDense_Build_RejectsChunksThatDoNotCoverTheInput()
    {
        var layer = new BatchEnsembleDense(3, initChunks: [2, 2]);
        var e = Assert.Throws<ArgumentException>(() => layer.Build(new TensorShape(2, 5), new Random(1)));
        Assert.Contains("sum to 4", e.Message);
    }
}
