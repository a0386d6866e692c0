using System.Diagnostics;
using System.Globalization;
using MLPipelines.Bench.Cnn;
using MLPipelines.Data.Images;
using MLPipelines.Neural.Augmentation;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Onnx;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Training;

namespace MLPipelines.Bench;

/// <summary>
/// <c>cnn-train</c>: trains a CNN preset on Fashion-MNIST (IDX files). Two modes:
/// <list type="bullet">
/// <item>accuracy (default): the whole training set for <c>--epochs</c> epochs with augmentation, a one-cycle
/// schedule and label smoothing, printing test accuracy and time per epoch; last line
/// <c>cnn-train ... test_accuracy=X total_seconds=Y images_per_sec=Z</c>.</item>
/// <item><c>--throughput</c>: the network of bench/cnn_vs_torch.py (reference preset), AdamW at a constant rate,
/// no augmentation, a warm-up then <c>--repeats</c> timed epochs over the first <c>--rows</c> training images; the
/// best counts. Last line <c>cnn-train ... images_per_sec=X</c>.</item>
/// </list>
/// </summary>
internal static class CnnTrainCommand
{
    public static int Run(string[] args)
    {
        CnnTrainArgs a;
        ImageDataset train, test;
        try
        {
            a = CnnTrainArgs.Parse(args);
            if (!CnnPresets.Names.Contains(a.Arch))
            {
                throw new ArgumentException($"unknown arch '{a.Arch}' ({string.Join(", ", CnnPresets.Names)})");
            }

            (train, test) = FashionMnist.Load(a.Dataset);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IOException or ImageDataException)
        {
            Console.Error.WriteLine($"cnn-train: {e.Message}");
            Console.Error.WriteLine(CnnTrainArgs.Usage);
            return 2;
        }

        var (mean, std) = FashionMnist.Statistics(train);
        if (a.Profile > 0)
        {
            var net = CnnPresets.Create(a.Arch, new Neural.Tensors.TensorShape(train.Shape.Channels, train.Shape.Height, train.Shape.Width), 10);
            net.Threads = a.Threads;
            LayerProfile.Print(net.Build(a.Seed), a.Batch, a.Profile);
            return 0;
        }

        return a.Throughput ? Throughput(a, train, mean, std) : Accuracy(a, train, test, mean, std);
    }

    private static int Accuracy(CnnTrainArgs a, ImageDataset train, ImageDataset test, float mean, float std)
    {
        var started = Stopwatch.GetTimestamp();
        var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
        var trainSet = FashionMnist.ToDataset(train, mean, std, a.TrainLimit);
        var testSet = FashionMnist.ToDataset(test, mean, std);
        var network = CnnPresets.Create(a.Arch, trainSet.FeatureShape, 10);
        network.Threads = a.Threads;
        network.Build(a.Seed);
        Console.WriteLine(network.Summary().TrimEnd());
        Console.WriteLine($"parameters={network.ParameterCount} train={trainSet.Rows} test={testSet.Rows} pixel_mean={mean:F4} pixel_std={std:F4}");

        var augmentation = new ImageAugmentationOptions
        {
            CropPadding = a.CropPadding,
            HorizontalFlip = a.Flip,
            ErasingProbability = a.Erasing,
            FillValue = -mean / std, // a black pixel after normalization
        };
        var options = new TrainingOptions
        {
            Epochs = a.Epochs,
            BatchSize = a.Batch,
            Seed = a.Seed,
            Threads = a.Threads,
            RestoreBestEpoch = false, // the test set is only reported on, never used to pick weights
            Augmentation = augmentation.Enabled ? new ImageAugmentation(augmentation, a.Seed) : null,
        };
        Optimizer optimizer = a.Optimizer == "sgd" ? new Sgd(0.9f, nesterov: true, weightDecay: a.WeightDecay) : new AdamW(weightDecay: a.WeightDecay);
        var peak = a.LearningRateSet ? a.LearningRate : a.Optimizer == "sgd" ? 0.1f : 3e-3f;
        var trainer = new NetworkTrainer(network, new SoftmaxCrossEntropy(a.LabelSmoothing), optimizer,
            new OneCycleSchedule(peak, pctStart: 0.2), options, new Accuracy());
        Console.WriteLine($"optimizer={a.Optimizer} peak_lr={peak} weight_decay={a.WeightDecay} label_smoothing={a.LabelSmoothing} crop_padding={a.CropPadding} flip={a.Flip} erasing={a.Erasing} batch={a.Batch} threads={a.Threads}");
        // CPU seconds per epoch next to wall seconds: on a shared machine, CPU / threads is what the epoch takes alone.
        var epochCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var history = trainer.Fit(trainSet, testSet, e =>
        {
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {e.Epoch,2}: train_loss={e.TrainLoss:F4} train_accuracy={e.TrainMetric:F4} test_loss={e.ValidationLoss:F4} test_accuracy={e.ValidationMetric:F4} lr={e.LearningRate:G3} seconds={e.Seconds:F1} cpu_seconds={(now - epochCpu).TotalSeconds:F1}"));
            epochCpu = now;
        });
        var last = history.Epochs[^1];
        var total = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStarted).TotalSeconds;
        if (a.OnnxOut is not null)
        {
            OnnxExporter.Save(network, a.OnnxOut, new OnnxExportOptions { Output = OnnxOutputKind.Softmax, OutputName = "Probability" });
            Console.WriteLine($"wrote {a.OnnxOut}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cnn-train arch={a.Arch} epochs={a.Epochs} batch={a.Batch} threads={a.Threads} train_rows={trainSet.Rows} test_accuracy={last.ValidationMetric:F4} total_seconds={total:F0} cpu_seconds={cpu:F0} images_per_sec={history.SamplesPerSecond:F0}"));
        return 0;
    }

    private static int Throughput(CnnTrainArgs a, ImageDataset train, float mean, float std)
    {
        var data = FashionMnist.ToDataset(train, mean, std, a.Rows);
        var warmup = FashionMnist.ToDataset(train, mean, std, Math.Min(a.Rows, 20 * a.Batch));
        Console.WriteLine(Build(a, data).Summary().TrimEnd());

        // Warm-up: tiered compilation (with dynamic PGO) settles before anything is timed.
        Fit(Build(a, warmup), a, warmup);
        Fit(Build(a, warmup), a, warmup);
        double best = 0, bestCpu = 0;
        for (var r = 0; r < a.Repeats; r++)
        {
            var network = Build(a, data);
            var cpu0 = Kernels.ThreadCpuTime.Seconds();
            var history = Fit(network, a, data);
            // With one thread all work runs on this thread, so images per CPU-second of it is a figure that other
            // processes on the machine cannot depress (they take wall-clock time, not CPU time).
            var perCpu = data.Rows / (Kernels.ThreadCpuTime.Seconds() - cpu0);
            var last = history.Epochs[^1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {r + 1}: {history.SamplesPerSecond:F0} images/s ({perCpu:F0} per CPU-second of the main thread), train loss {last.TrainLoss:F4}, train accuracy {last.TrainMetric:F4}"));
            best = Math.Max(best, history.SamplesPerSecond);
            bestCpu = Math.Max(bestCpu, perCpu);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cnn-train throughput arch={a.Arch} rows={data.Rows} batch={a.Batch} threads={a.Threads} cpu_images_per_sec={(a.Threads == 1 ? bestCpu : double.NaN):F0} images_per_sec={best:F0}"));
        return 0;
    }

    private static Network Build(CnnTrainArgs a, Dataset data)
    {
        var network = CnnPresets.Create(a.Arch, data.FeatureShape, 10);
        network.Threads = a.Threads;
        return network.Build(a.Seed);
    }

    private static TrainingHistory Fit(Network network, CnnTrainArgs a, Dataset data) =>
        new NetworkTrainer(network, new SoftmaxCrossEntropy(), new AdamW(), new ConstantSchedule(a.LearningRateSet ? a.LearningRate : 1e-3f),
            new TrainingOptions { Epochs = 1, BatchSize = a.Batch, Seed = a.Seed, Threads = a.Threads }, new Accuracy()).Fit(data);
}
