using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Tests.Training;
using MLPipelines.Neural.Training;

namespace MLPipelines.Neural.Tests.Onnx;

public sealed class EnsembleOnnxRoundTripTests
{
    private const int Members = 4;

    private static Dictionary<string, (float[] Values, int[] Shape)> RunOnnx(byte[] model, float[] features, int rows, int width)
    {
        using var session = new InferenceSession(model);
        var input = new DenseTensor<float>(features, [rows, width]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("features", input)]);
        return results.ToDictionary(r => r.Name, r => (r.AsTensor<float>().ToArray(), r.AsTensor<float>().Dimensions.ToArray()));
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var tol = 1e-5 * Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"element {i}: ours {expected[i]}, onnxruntime {actual[i]}");
        }
    }

    /// <summary>A TabM-like network: view, a full BatchEnsemble layer, a shared ("mini") layer, separate heads.</summary>
    private static Network TabMLike(int features, int outputs) =>
        new Network(features)
            .Add(new EnsembleView(Members))
            .Add(new BatchEnsembleDense(32, inputInit: AdapterInitialization.RandomSigns)).Add(new Relu()).Add(new Dropout(0.1f))
            .Add(new BatchEnsembleDense(32, inputScaling: false, outputScaling: false, memberBias: false)).Add(new Selu())
            .Add(new EnsembleDense(outputs))
            .Build(3);

    private static void Train(Network net, Loss loss, Dataset data, Metric metric) =>
        new NetworkTrainer(net, new EnsembleLoss(loss, Members), new AdamW(), new ConstantSchedule(3e-3f),
            new TrainingOptions { Epochs = 3, BatchSize = 64 },
            new EnsembleMetric(metric, Members, new EnsembleLoss(loss, Members).Averaging)).Fit(data);

    [Fact]
    public void OnnxExporter_EnsembleMulticlass_AveragesMemberProbabilitiesLikeOurs()
    {
        // Given a trained 4-member ensemble on 5 classes
        var data = TrainingData.Blobs(300, 8, 5, seed: 4);
        var net = TabMLike(8, 5);
        Train(net, new SoftmaxCrossEntropy(0.1f), data, new Accuracy());

        // When exported with member averaging and a softmax output, and run by ONNX Runtime
        var model = OnnxExporter.Export(net, new OnnxExportOptions { AverageMembers = true, Output = OnnxOutputKind.Softmax, OutputName = "Score" });
        var outputs = RunOnnx(model, data.Features, data.Rows, 8);

        // Then the output is [N, 5]: the mean of the members' probabilities, as our combiner gives it
        var combined = new float[data.Rows * 5];
        EnsembleMean.Combine(net.Predict(data.Features, data.Rows), data.Rows, Members, 5, EnsembleAveraging.SoftmaxProbabilities, combined);
        AssertClose(Softmax(combined, 5), outputs["Score"].Values);
        Assert.Equal([data.Rows, 5], outputs["Score"].Shape);
    }

    [Fact]
    public void OnnxExporter_EnsembleBinary_GivesLogitOfMeanProbabilityAndMeanProbability()
    {
        // Given a trained ensemble with one logit per member
        var data = TrainingData.Blobs(240, 6, 2, seed: 8);
        var net = TabMLike(6, 1);
        Train(net, new BinaryCrossEntropyWithLogits(), data, new Accuracy());

        // When exported with the logit of the mean probability and the mean probability
        var model = OnnxExporter.Export(net, new OnnxExportOptions
        {
            AverageMembers = true,
            Outputs = { new OnnxOutput("Logit", OnnxOutputKind.ProbabilityLogit), new OnnxOutput("Probability", OnnxOutputKind.Sigmoid) },
        });
        var outputs = RunOnnx(model, data.Features, data.Rows, 6);

        // Then both are [N, 1] and match ours: the logit is the combined output, the probability its sigmoid
        var logit = new float[data.Rows];
        EnsembleMean.Combine(net.Predict(data.Features, data.Rows), data.Rows, Members, 1, EnsembleAveraging.SigmoidProbabilities, logit);
        AssertClose(logit, outputs["Logit"].Values);
        AssertClose([.. logit.Select(z => (float)(1 / (1 + Math.Exp(-z))))], outputs["Probability"].Values);
        Assert.Equal([data.Rows, 1], outputs["Logit"].Shape);
    }

    [Fact]
    public void OnnxExporter_EnsembleRegression_AppliesTheAffinePerMemberThenAverages()
    {
        // Given a trained regression ensemble (targets: a smooth function of the inputs)
        var blobs = TrainingData.Blobs(200, 5, 2, seed: 9);
        var targets = Enumerable.Range(0, blobs.Rows).Select(r => (float)Math.Sin(blobs.Features[r * 5] + blobs.Features[(r * 5) + 1])).ToArray();
        var data = new Dataset(blobs.Features, targets, 5);
        var net = TabMLike(5, 1);
        Train(net, new MeanSquaredError(), data, new RootMeanSquaredError());

        // When exported with the output de-standardization y * 3 + 10
        var model = OnnxExporter.Export(net, new OnnxExportOptions { AverageMembers = true, OutputScale = [3f], OutputShift = [10f] });
        var outputs = RunOnnx(model, data.Features, data.Rows, 5);

        // Then the output is the mean over members of (y * 3 + 10)
        var mean = new float[data.Rows];
        EnsembleMean.Combine(net.Predict(data.Features, data.Rows), data.Rows, Members, 1, EnsembleAveraging.Values, mean);
        AssertClose([.. mean.Select(v => (v * 3f) + 10f)], outputs["output"].Values);
    }

    [Fact]
    public void OnnxExporter_AverageMembersOnAFlatOutput_SaysWhatIsNeeded()
    {
        var net = new Network(3).Add(new Dense(2)).Build(1);
        var e = Assert.Throws<ArgumentException>(() => OnnxExporter.Export(net, new OnnxExportOptions { AverageMembers = true }));
        Assert.Contains("[members, width]", e.Message);
    }

    private static float[] Softmax(float[] logits, int k)
    {
        var p = new float[logits.Length];
        for (var r = 0; r < logits.Length / k; r++)
        {
            var row = logits.AsSpan(r * k, k).ToArray();
            var max = row.Max();
            var sum = row.Sum(v => Math.Exp(v - max));
            for (var j = 0; j < k; j++)
            {
                p[(r * k) + j] = (float)(Math.Exp(row[j] - max) / sum);
            }
        }

        return p;
    }
}
