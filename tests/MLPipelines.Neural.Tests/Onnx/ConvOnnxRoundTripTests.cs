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

public sealed class ConvOnnxRoundTripTests
{
    private static (float[] Values, int[] Shape) RunOnnx(byte[] model, Dataset data, string output, bool flat = false)
    {
        using var session = new InferenceSession(model);
        int[] dims = flat ? [data.Rows, data.FeatureShape.Size] : [data.Rows, .. data.FeatureShape.ToArray()];
        var input = new DenseTensor<float>(data.Features, dims);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("features", input)]);
        var tensor = results.Single(r => r.Name == output).AsTensor<float>();
        return (tensor.ToArray(), tensor.Dimensions.ToArray());
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

    private static void Train(Network net, Dataset data) =>
        new NetworkTrainer(net, new SoftmaxCrossEntropy(), new AdamW(), new ConstantSchedule(3e-3f),
            new TrainingOptions { Epochs = 2, BatchSize = 32, Threads = 2 }).Fit(data);

    [Fact]
    public void OnnxExporter_ConvNetWithFoldedBatchNorm_MatchesOnnxRuntime()
    {
        // Given a trained conv net: conv + batch norm (folded into the conv) + ReLU + max pool, a strided conv
        // without bias + batch norm, an average pool, then flatten, dense, dropout and dense
        var data = ImageData.Patches(160, 2, 12, 4, seed: 3);
        var net = new Network(data.FeatureShape)
            .Add(new Conv2D(6, padding: 1)).Add(new BatchNorm2D()).Add(new Relu()).Add(new MaxPool2D())
            .Add(new Conv2D(8, stride: 2, padding: 1, useBias: false)).Add(new BatchNorm2D()).Add(new Relu())
            .Add(new AvgPool2D(2, stride: 1)).Add(new Flatten())
            .Add(new Dense(16)).Add(new Relu()).Add(new Dropout(0.2f)).Add(new Dense(4)).Build(2);
        Train(net, data);

        // When exported with softmax probabilities and run by ONNX Runtime on [N, C, H, W]
        var model = OnnxExporter.Export(net, new OnnxExportOptions { Output = OnnxOutputKind.Softmax, OutputName = "Probability" });
        var (probabilities, shape) = RunOnnx(model, data, "Probability");

        // Then the output equals ours within 1e-5, and both batch norms were folded (no per-channel scale constants)
        AssertClose(Softmax(net.Predict(data.Features, data.Rows), 4), probabilities);
        Assert.Equal([data.Rows, 4], shape);
        Assert.DoesNotContain("bn_scale", System.Text.Encoding.UTF8.GetString(model));
    }

    [Fact]
    public void OnnxExporter_ConvNetWithStandaloneNormAndGlobalPool_MatchesOnnxRuntime()
    {
        // Given conv + fused ReLU, a batch norm after pooling (exported as Mul + Add), overlapping padded pools,
        // a 1x1 conv and global average pooling
        var data = ImageData.Patches(96, 3, 10, 4, seed: 5);
        var net = new Network(data.FeatureShape)
            .Add(new Conv2D(5, kernelSize: 3)).Add(new Relu()).Add(new MaxPool2D(3, stride: 2, padding: 1)).Add(new BatchNorm2D())
            .Add(new Conv2D(7, kernelSize: 1)).Add(new LeakyRelu(0.1f)).Add(new AvgPool2D(3, stride: 1, padding: 1))
            .Add(new GlobalAvgPool()).Add(new Dense(4)).Build(4);
        Train(net, data);

        var model = OnnxExporter.Export(net);
        var (logits, shape) = RunOnnx(model, data, "output");

        AssertClose(net.Predict(data.Features, data.Rows), logits);
        Assert.Equal([data.Rows, 4], shape);
        Assert.Contains("bn_scale", System.Text.Encoding.UTF8.GetString(model));
    }

    [Fact]
    public void OnnxExporter_ResNetPreset_MatchesOnnxRuntime()
    {
        // Given the resnet preset (pre-activation blocks, strided projections, residual adds) trained briefly on 12x12
        var data = ImageData.Patches(96, 1, 12, 4, seed: 7);
        var net = CnnPresets.ResNet(data.FeatureShape, 4, widths: [4, 6, 8]).Build(3);
        Train(net, data);

        // When exported and run by ONNX Runtime
        var model = OnnxExporter.Export(net, new OnnxExportOptions { Output = OnnxOutputKind.Softmax, OutputName = "Probability" });
        var (probabilities, shape) = RunOnnx(model, data, "Probability");

        // Then the probabilities equal ours within 1e-5, with one Add per block
        AssertClose(Softmax(net.Predict(data.Features, data.Rows), 4), probabilities);
        Assert.Equal([data.Rows, 4], shape);
        Assert.Equal(3, net.Layers.OfType<ResidualBlock>().Count());
    }

    [Fact]
    public void OnnxExporter_FlatInput_TakesOneVectorPerImage()
    {
        // Given a conv net over [2, 8, 8] images, exported with a flat [N, 128] input (as an ML.NET vector column feeds it)
        var data = ImageData.Patches(40, 2, 8, 4, seed: 6);
        var net = CnnLike(data.FeatureShape);
        var model = OnnxExporter.Export(net, new OnnxExportOptions { FlatInput = true, InputTransform = (g, x) => g.AddNode("Mul", [x, g.AddScalar("scale", 0.5f)]) });

        var (logits, _) = RunOnnx(model, data, "output", flat: true);

        // Then the scaled, reshaped input gives our outputs on the scaled images
        var scaled = data.Features.Select(v => v * 0.5f).ToArray();
        AssertClose(net.Predict(scaled, data.Rows), logits);
    }

    private static Network CnnLike(Tensors.TensorShape shape) =>
        new Network(shape).Add(new Conv2D(3, padding: 1)).Add(new BatchNorm2D()).Add(new Relu()).Add(new MaxPool2D()).Add(new Flatten()).Add(new Dense(4)).Build(1);

    private static float[] Softmax(float[] logits, int k)
    {
        var p = new float[logits.Length];
        for (var r = 0; r < logits.Length / k; r++)
        {
            var row = logits.AsSpan(r * k, k);
            var max = row.ToArray().Max();
            var sum = 0.0;
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
}
