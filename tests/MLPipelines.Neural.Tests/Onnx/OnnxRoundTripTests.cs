using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Tests.Training;
using MLPipelines.Neural.Training;

namespace MLPipelines.Neural.Tests.Onnx;

public sealed class OnnxRoundTripTests
{
    private static Dictionary<string, float[]> RunOnnx(byte[] model, float[] features, int rows, int width, out Dictionary<string, int[]> shapes)
    {
        using var session = new InferenceSession(model);
        var input = new DenseTensor<float>(features, [rows, width]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("features", input)]);
        shapes = results.ToDictionary(r => r.Name, r => r.AsTensor<float>().Dimensions.ToArray());
        return results.ToDictionary(r => r.Name, r => r.AsTensor<float>().ToArray());
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

    private static float[] Softmax(float[] logits, int k)
    {
        var p = new float[logits.Length];
        for (var r = 0; r < logits.Length / k; r++)
        {
            var row = logits.AsSpan(r * k, k);
            var max = row.ToArray().Max();
            double sum = 0;
            for (var j = 0; j < k; j++)
            {
                sum += Math.Exp(row[j] - max);
            }

            for (var j = 0; j < k; j++)
            {
                p[(r * k) + j] = (float)(Math.Exp(row[j] - max) / sum);
            }
        }

        return p;
    }

    [Fact]
    public void OnnxExporter_TrainedMlpWithBatchNorm_MatchesOnnxRuntime()
    {
        // Given a trained MLP with batch norm (folded on export) and dropout (removed on export)
        var data = TrainingData.Blobs(500, 16, 5, seed: 11);
        var net = new Network(16)
            .Add(new Dense(64)).Add(new BatchNorm()).Add(new Relu()).Add(new Dropout(0.2f))
            .Add(new Dense(64)).Add(new Relu())
            .Add(new Dense(5)).Build(5);
        new NetworkTrainer(net, new SoftmaxCrossEntropy(0.1f), new AdamW(), new CosineSchedule(3e-3f, 0.1),
            new TrainingOptions { Epochs = 5, BatchSize = 64 }).Fit(data);

        // When exported with raw logits and softmax probabilities and run by ONNX Runtime
        var model = OnnxExporter.Export(net, new OnnxExportOptions
        {
            Outputs = { new OnnxOutput("Score", OnnxOutputKind.Raw), new OnnxOutput("Probability", OnnxOutputKind.Softmax) },
        });
        var rows = 100;
        var x = data.Features.AsSpan(0, rows * 16).ToArray();
        var outputs = RunOnnx(model, x, rows, 16, out var shapes);

        // Then both outputs are [N, 5] and equal ours within 1e-5
        var logits = net.Predict(x, rows);
        AssertClose(logits, outputs["Score"]);
        AssertClose(Softmax(logits, 5), outputs["Probability"]);
        Assert.Equal([rows, 5], shapes["Score"]);
        Assert.Equal([rows, 5], shapes["Probability"]);
    }

    public static TheoryData<string> Activations => ["relu", "leaky", "gelu", "silu", "selu", "mish", "tanh", "sigmoid"];

    private static Layer Activation(string name) => name switch
    {
        "relu" => new Relu(),
        "leaky" => new LeakyRelu(0.1f),
        "gelu" => new Gelu(),
        "silu" => new Silu(),
        "selu" => new Selu(),
        "mish" => new Mish(),
        "tanh" => new Tanh(),
        "sigmoid" => new Sigmoid(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void OnnxExporter_EachActivation_MatchesOnnxRuntime(string activation)
    {
        var net = new Network(6).Add(new Dense(12)).Add(Activation(activation)).Add(new LayerNorm()).Add(new Dense(3)).Build(3);
        var x = TrainingData.Blobs(40, 6, 3, seed: 2).Features.Select(v => v * 3).ToArray();

        var outputs = RunOnnx(OnnxExporter.Export(net), x, 40, 6, out _);

        AssertClose(net.Predict(x, 40), outputs["output"]);
    }

    [Fact]
    public void OnnxExporter_EmbeddingStandaloneNormAndOutputAffine_MatchesOnnxRuntime()
    {
        // Columns 0 and 3 are categories; the output is de-standardized (x * 2.5 + 10) and also given as a sigmoid.
        var net = new Network(5)
            .Add(new Embedding([new CategoricalColumn(0, 4, 3), new CategoricalColumn(3, 6, 2)]))
            .Add(new BatchNorm()).Add(new Dense(8)).Add(new Silu()).Add(new Dense(1)).Build(8);
        var data = TrainingData.Blobs(64, 5, 3, seed: 4);
        for (var i = 0; i < 64; i++)
        {
            data.Features[i * 5] = i % 4;
            data.Features[(i * 5) + 3] = (i * 7) % 9; // codes 6..8 are out of range: clipped to the last row
        }

        data.Features[5 * 5] = float.NaN; // a missing category maps to row 0 in both runtimes

        new NetworkTrainer(net, new MeanSquaredError(), new Adam(), new ConstantSchedule(1e-2f), new TrainingOptions { Epochs = 3, BatchSize = 16 })
            .Fit(new Dataset(data.Features, data.Targets, 5));
        var options = new OnnxExportOptions { OutputScale = [2.5f], OutputShift = [10f] };
        options.Outputs.Add(new OnnxOutput("Score", OnnxOutputKind.Raw));
        options.Outputs.Add(new OnnxOutput("Probability", OnnxOutputKind.Sigmoid));

        var outputs = RunOnnx(OnnxExporter.Export(net, options), data.Features, 64, 5, out var shapes);

        var ours = net.Predict(data.Features, 64).Select(v => (v * 2.5f) + 10f).ToArray();
        AssertClose(ours, outputs["Score"]);
        AssertClose([.. ours.Select(v => (float)(1 / (1 + Math.Exp(-v))))], outputs["Probability"]);
        Assert.Equal([64, 1], shapes["Score"]);
    }

    [Fact]
    public void OnnxExporter_Export_RejectsUnbuiltNetwork() =>
        Assert.Throws<ArgumentException>(() => OnnxExporter.Export(new Network(3).Add(new Dense(2))));

    [Fact]
    public void OnnxExporter_Export_RejectsOutputScaleOfWrongLength()
    {
        var net = new Network(3).Add(new Dense(2)).Build(1);
        var ex = Assert.Throws<ArgumentException>(() => OnnxExporter.Export(net, new OnnxExportOptions { OutputScale = [1f, 2f, 3f] }));
        Assert.Contains("expected 1 or 2", ex.Message);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(0)]
    public void OnnxExporter_PeriodicEmbedding_MatchesOnnxRuntime(int dimension)
    {
        var net = new Network(5).Add(new PeriodicEmbedding(4, 0.5f, dimension, [0, 1, 3])).Add(new Relu()).Add(new Dense(2)).Build(6);
        var x = TrainingData.Blobs(30, 5, 2, seed: 3).Features;

        var outputs = RunOnnx(OnnxExporter.Export(net), x, 30, 5, out _);

        AssertClose(net.Predict(x, 30), outputs["output"]);
    }

    [Fact]
    public void OnnxExporter_NetworkWithEveryLayer_MatchesOnnxRuntime()
    {
        // Given a trained network chaining every exportable layer kind
        var data = TrainingData.Blobs(300, 8, 4, seed: 9);
        for (var i = 0; i < data.Rows; i++)
        {
            data.Features[i * 8] = i % 5;
        }

        var net = new Network(8)
            .Add(new Embedding([new CategoricalColumn(0, 5, 3)]))
            .Add(new PeriodicEmbedding(3, 0.5f, 4, columns: [0, 1, 2])).Add(new Relu())
            .Add(new BatchNorm())
            .Add(new Dense(16)).Add(new BatchNorm()).Add(new Gelu()).Add(new Dropout(0.1f))
            .Add(new Dense(16)).Add(new Silu()).Add(new LayerNorm())
            .Add(new Dense(16)).Add(new Mish())
            .Add(new Dense(16)).Add(new Selu())
            .Add(new Dense(16)).Add(new LeakyRelu(0.05f))
            .Add(new Dense(16)).Add(new Tanh())
            .Add(new Dense(16)).Add(new Sigmoid())
            .Add(new Dense(4)).Build(2);
        new NetworkTrainer(net, new SoftmaxCrossEntropy(), new AdamW(), new ConstantSchedule(3e-3f), new TrainingOptions { Epochs = 3, BatchSize = 32 }).Fit(data);

        // When exported and run by ONNX Runtime
        var outputs = RunOnnx(OnnxExporter.Export(net, new OnnxExportOptions { Output = OnnxOutputKind.Softmax, OutputName = "Probability" }), data.Features, 300, 8, out var shapes);

        // Then the probabilities match ours
        AssertClose(Softmax(net.Predict(data.Features, 300), 4), outputs["Probability"]);
        Assert.Equal([300, 4], shapes["Probability"]);
    }
}
