using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MLPipelines.Neural.Onnx;
using MLPipelines.Trainers.Mlp;
using MLPipelines.Trainers.Mlp.Encoding;
using MLPipelines.Trainers.Mlp.Training;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary>The input encoding: statistics against hand-computed values, row encoding, and the ONNX graph against the engine.</summary>
public sealed class InputEncodingTests
{
    [Fact]
    public void InputEncodingFitter_Fit_RobustScaleIsMedianAndInterquartileRangeWithFallbacks()
    {
        // Columns: [1, 2, 3, 4, 100, NaN] -> median 3, IQR 4 - 2 = 2; [0, 0, 0, 0, 1, 0] -> IQR 0, so (max - min) / 2;
        // constant 5 -> scale 0.
        float[] rows = [1, 0, 5, 2, 0, 5, 3, 0, 5, 4, 0, 5, 100, 1, 5, float.NaN, 0, 5];

        var e = InputEncodingFitter.Fit(rows, 3, [], MlpInputScaling.RobustClip, 16);

        Assert.Equal([3f, 0f, 5f], e.Fill);
        Assert.Equal([3f, 0f, 5f], e.Shift);
        Assert.Equal([0.5f, 2f, 0f], e.Scale);
        Assert.True(e.Clip);
    }

    [Fact]
    public void InputEncodingFitter_Fit_StandardScalingUsesMeanAndPopulationStd()
    {
        float[] rows = [1, 3, 5, 7];

        var e = InputEncodingFitter.Fit(rows, 1, [], MlpInputScaling.Standard, 16);

        Assert.Equal(4f, e.Shift[0]);
        Assert.Equal((float)(1 / Math.Sqrt(5)), e.Scale[0], 6);
        Assert.False(e.Clip);
    }

    [Fact]
    public void TabularInputEncoder_Encode_FillsScalesClipsAndTurnsLargeBlocksIntoCodes()
    {
        // Slots: 0 numeric, 1-2 a small one-hot block (kept), 3-6 a large block (embedded, threshold 3).
        var encoding = InputEncodingFitter.Fit(
            [0, 1, 0, 0, 0, 1, 0, 10, 0, 1, 0, 1, 0, 0, 20, 1, 0, 0, 0, 0, 0],
            7, [new CategoricalBlock(1, 2), new CategoricalBlock(3, 4)], MlpInputScaling.RobustClip, embeddingThreshold: 3);
        var encoder = new TabularInputEncoder(encoding);
        var output = new float[encoding.EncodedWidth];

        encoder.Encode([float.NaN, 0, float.NaN, 0, 0, 1, 0], output);
        var median = encoding.Fill[0];
        Assert.Equal([0f, 0f, 0f, 3f], output); // NaN -> median -> 0; NaN one-hot -> 0; code = 1 + slot index 2

        encoder.Encode([1000, 1, 0, 0, 0, 0, 0], output);
        var z = (1000 - median) * encoding.Scale[0];
        Assert.Equal(z / MathF.Sqrt(1 + (z * z / 9)), output[0], 5);
        Assert.True(output[0] < 3f);
        Assert.Equal([1f, 0f, 0f], output[1..]); // no slot of the large block set -> code 0 (unknown)
    }

    [Fact]
    public void MlpNetworkFactory_ExportedGraph_MatchesTheEngineOnRawRowsWithGapsAndCategories()
    {
        var random = new Random(3);
        const int width = 9; // 3 numeric, a 2-slot block (one-hot), a 4-slot block (embedded)
        var rows = new float[200 * width];
        for (var i = 0; i < 200; i++)
        {
            var r = rows.AsSpan(i * width, width);
            for (var j = 0; j < 3; j++)
            {
                r[j] = random.NextDouble() < 0.1 ? float.NaN : (float)(random.NextDouble() * 50);
            }

            r[3 + random.Next(2)] = 1;
            var city = random.Next(5); // 4 = unseen: no slot set
            if (city < 4)
            {
                r[5 + city] = 1;
            }
        }

        var encoding = InputEncodingFitter.Fit(rows, width, [new CategoricalBlock(3, 2), new CategoricalBlock(5, 4)], MlpInputScaling.RobustClip, 3);
        var options = new MlpOptions { HiddenLayers = [16, 16], NumericEmbedding = MlpNumericEmbedding.Periodic, PeriodicDimension = 4, PeriodicFrequencies = 3 };
        var net = MlpNetworkFactory.Create(options, encoding, outputs: 3, seed: 5);
        var export = new OnnxExportOptions { InputName = "Features" };
        export.Outputs.Add(new OnnxOutput("Score", OnnxOutputKind.Softmax));

        using var session = new InferenceSession(OnnxExporter.Export(net, export));
        var input = new DenseTensor<float>(rows, [200, width]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("Features", input)]);
        var onnx = results[0].AsEnumerable<float>().ToArray();
        var logits = net.Predict(rows, 200);

        for (var i = 0; i < 200; i++)
        {
            var row = logits.AsSpan(i * 3, 3);
            var max = row.ToArray().Max();
            var sum = row.ToArray().Sum(v => Math.Exp(v - max));
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(Math.Exp(row[k] - max) / sum, onnx[(i * 3) + k], 1e-5);
            }
        }
    }

    [Fact]
    public void InputEncodingFitter_RobustLogClip_LogsOnlyMostlyConstantColumnsByTheirMedianNonzeroDeviation()
    {
        // Column 0: 1..10 keeps its IQR scaling (7.75 - 3.25); column 1: eight 0s, 0.5 and 8 (quartiles both 0) gets
        // sign(d) log(1 + |d| / s) with s = median(0.5, 8) = 4.25 and no linear term; constant column 2 stays 0.
        float[] sparse = [0, 0, 0, 0, 0, 0, 0, 0, 0.5f, 8];
        var rows = Enumerable.Range(0, 10).SelectMany(i => new[] { i + 1f, sparse[i], 5f }).ToArray();

        var e = InputEncodingFitter.Fit(rows, 3, [], MlpInputScaling.RobustLogClip, 16);
        var encoder = new TabularInputEncoder(e);
        var output = new float[3];
        encoder.Encode([5.5f, 8, 5], output);

        Assert.Equal([1f / 4.5f, 0f, 0f], e.Scale);
        Assert.Equal([0f, 1f / 4.25f, 0f], e.LogScale);
        var z = MathF.Log(1 + (8 / 4.25f));
        Assert.Equal(z / MathF.Sqrt(1 + (z * z / 9)), output[1], 5);
        Assert.Equal(0f, output[0]);
    }

    [Fact]
    public void MlpNetworkFactory_ExportedGraphWithLogColumns_MatchesTheEngine()
    {
        // Given sparse long-tailed columns (mostly 0, a few values spread over three decades) and one dense column
        var random = new Random(4);
        const int width = 3;
        var rows = new float[150 * width];
        for (var i = 0; i < 150; i++)
        {
            rows[i * width] = (float)random.NextDouble();
            rows[(i * width) + 1] = random.NextDouble() < 0.85 ? 0f : (float)Math.Pow(10, (random.NextDouble() * 3) - 1);
            rows[(i * width) + 2] = random.NextDouble() < 0.9 ? 0f : (float)(random.NextDouble() * 40);
        }

        var encoding = InputEncodingFitter.Fit(rows, width, [], MlpInputScaling.RobustLogClip, 16);
        var net = MlpNetworkFactory.Create(new MlpOptions { HiddenLayers = [8], Dropout = 0 }, encoding, outputs: 1, seed: 2);

        // When the exported graph scores the raw rows
        using var session = new InferenceSession(OnnxExporter.Export(net, new OnnxExportOptions { InputName = "Features" }));
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("Features", new DenseTensor<float>(rows, [150, width]))]);
        var onnx = results[0].AsEnumerable<float>().ToArray();

        // Then it matches the engine, and the two sparse columns were logged
        Assert.Equal(0f, encoding.LogScale[0]);
        Assert.True(encoding.LogScale[1] > 0 && encoding.LogScale[2] > 0);
        var ours = net.Predict(rows, 150);
        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(ours[i], onnx[i], 1e-5);
        }
    }
}
