using System.Globalization;
using MLPipelines.Bench.Mlp;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Training;

namespace MLPipelines.Bench;

/// <summary>
/// <c>mlp-train</c>: training throughput of the engine's MLP (16 -> 3 x 256 ReLU -> 26, batch 256, AdamW,
/// softmax cross-entropy) on letter.csv, the network bench/mlp_vs_torch.py trains in PyTorch.
/// Three warm-up epochs (JIT tiering), then <c>--repeats</c> timed runs of <c>--epochs</c> epochs; the best run counts.
/// Last line: <c>mlp-train ... samples_per_sec=X</c>.
/// </summary>
internal static class MlpTrainCommand
{
    public static int Run(string[] args)
    {
        MlpTrainArgs a;
        try
        {
            a = MlpTrainArgs.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Console.Error.WriteLine($"mlp-train: {e.Message}");
            Console.Error.WriteLine("usage: mlp-train [--data letter.csv|synthetic] [--hidden 256,256,256] [--batch 256] [--epochs 5] [--threads 2] [--lr 1e-3] [--repeats 3] [--activation relu|gelu|silu|mish|...] [--dropout p] [--layer-norm] [--no-fuse] [--onnx-out file.onnx] [--onnx-all-layers file.onnx]");
            return 2;
        }

        if (a.OnnxAllLayers is not null)
        {
            OnnxShowcase.Write(a.OnnxAllLayers);
            Console.WriteLine($"wrote {a.OnnxAllLayers}");
        }

        try
        {
            Activation(a.Activation); // validate the name before loading data
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"mlp-train: {e.Message}");
            return 2;
        }

        var data = a.Data == "synthetic" ? LetterData.Synthetic(20000, 16, 26, a.Seed) : LetterData.Load(a.Data);
        var classes = (int)data.Targets.Max() + 1;
        var features = data.FeatureShape.Size;
        var network = BuildNetwork(a, features, classes);
        Console.WriteLine(network.Summary().TrimEnd());

        // Warm-up: three epochs so tiered compilation (with dynamic PGO) has produced the final code before timing.
        Train(network, a, data, epochs: 3);
        var best = 0.0;
        var bestCpu = 0.0;
        for (var r = 0; r < a.Repeats; r++)
        {
            network = BuildNetwork(a, features, classes);
            var cpu0 = Kernels.ThreadCpuTime.Seconds();
            var history = Train(network, a, data, a.Epochs);
            var cpu = Kernels.ThreadCpuTime.Seconds() - cpu0;
            var last = history.Epochs[^1];

            // With one thread all work runs on this thread, so samples per CPU-second does not depend on how
            // busy the machine is (other processes only steal wall-clock time).
            var perCpu = (double)data.Rows * a.Epochs / cpu;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {r + 1}: {history.SamplesPerSecond:F0} samples/s ({perCpu:F0} per CPU-second of the main thread), final train loss {last.TrainLoss:F4}, train accuracy {last.TrainMetric:F4}"));
            best = Math.Max(best, history.SamplesPerSecond);
            bestCpu = Math.Max(bestCpu, perCpu);
        }

        if (a.OnnxOut is not null)
        {
            Neural.Onnx.OnnxExporter.Save(network, a.OnnxOut, new Neural.Onnx.OnnxExportOptions { Output = Neural.Onnx.OnnxOutputKind.Softmax });
            Console.WriteLine($"wrote {a.OnnxOut}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mlp-train rows={data.Rows} features={features} classes={classes} hidden={string.Join('x', a.Hidden)} activation={a.Activation} dropout={a.Dropout} layer_norm={a.LayerNorm} batch={a.Batch} threads={a.Threads} epochs={a.Epochs} cpu_samples_per_sec={(a.Threads == 1 ? bestCpu : double.NaN):F0} samples_per_sec={best:F0}"));
        return 0;
    }

    private static Network BuildNetwork(MlpTrainArgs a, int features, int classes)
    {
        var network = new Network(features) { FuseDenseActivations = !a.NoFuse };
        foreach (var h in a.Hidden)
        {
            network.Add(new Dense(h));
            if (a.LayerNorm)
            {
                network.Add(new LayerNorm());
            }

            network.Add(Activation(a.Activation));
            if (a.Dropout > 0)
            {
                network.Add(new Dropout(a.Dropout));
            }
        }

        return network.Add(new Dense(classes)).Build(a.Seed);
    }

    private static Layer Activation(string name) => name switch
    {
        "relu" => new Relu(),
        "leaky_relu" => new LeakyRelu(),
        "gelu" => new Gelu(),
        "silu" => new Silu(),
        "selu" => new Selu(),
        "mish" => new Mish(),
        "tanh" => new Tanh(),
        "sigmoid" => new Sigmoid(),
        _ => throw new ArgumentException($"unknown activation '{name}' (relu, leaky_relu, gelu, silu, selu, mish, tanh, sigmoid)"),
    };

    private static TrainingHistory Train(Network network, MlpTrainArgs a, Dataset data, int epochs)
    {
        var trainer = new NetworkTrainer(network, new SoftmaxCrossEntropy(), new AdamW(), new ConstantSchedule(a.LearningRate),
            new TrainingOptions { Epochs = epochs, BatchSize = a.Batch, Seed = a.Seed, Threads = a.Threads }, new Accuracy());
        return trainer.Fit(data);
    }
}
