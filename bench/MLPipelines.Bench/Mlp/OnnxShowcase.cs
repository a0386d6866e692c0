using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Training;

namespace MLPipelines.Bench.Mlp;

/// <summary>
/// Writes an ONNX file from a briefly trained network that uses every exportable layer (embeddings, batch norm
/// folded and standalone, layer norm, dropout, all activations) with raw + softmax outputs, so
/// bench/check_onnx.py can run onnx.checker over every op the exporter emits.
/// </summary>
internal static class OnnxShowcase
{
    public static void Write(string path)
    {
        var data = LetterData.Synthetic(2000, 16, 26, seed: 3);
        for (var i = 0; i < data.Rows; i++)
        {
            data.Features[i * 16] = i % 5;
            data.Features[(i * 16) + 1] = i % 7;
        }

        var net = new Network(16)
            .Add(new Embedding([new CategoricalColumn(0, 5, 3), new CategoricalColumn(1, 7, 4)]))
            .Add(new PeriodicEmbedding(4, 0.5f, 4, columns: [.. Enumerable.Range(0, 14)])).Add(new Relu())
            .Add(new BatchNorm())
            .Add(new Dense(32)).Add(new BatchNorm()).Add(new Gelu()).Add(new Dropout(0.1f))
            .Add(new Dense(32)).Add(new Silu()).Add(new LayerNorm())
            .Add(new Dense(32)).Add(new Mish())
            .Add(new Dense(32)).Add(new Selu())
            .Add(new Dense(32)).Add(new LeakyRelu(0.05f))
            .Add(new Dense(32)).Add(new Tanh())
            .Add(new Dense(32)).Add(new Sigmoid())
            .Add(new Dense(26)).Build(1);
        new NetworkTrainer(net, new SoftmaxCrossEntropy(0.1f), new AdamW(), new ConstantSchedule(1e-3f), new TrainingOptions { Epochs = 1 }).Fit(data);
        var options = new OnnxExportOptions();
        options.Outputs.Add(new OnnxOutput("Score", OnnxOutputKind.Raw));
        options.Outputs.Add(new OnnxOutput("Probability", OnnxOutputKind.Softmax));
        OnnxExporter.Save(net, path, options);
    }
}
