using System.Globalization;

namespace MLPipelines.Bench.Cnn;

/// <summary>Options of the <c>cnn-train</c> verb, parsed from <c>--name value</c> pairs.</summary>
internal sealed class CnnTrainArgs
{
    public const string Usage =
        "usage: cnn-train [--dataset DIR] [--arch default|reference] [--epochs 15] [--batch 128] [--threads 2] " +
        "[--optimizer adamw|sgd] [--lr 3e-3] [--weight-decay 0.01] [--label-smoothing 0.1] [--crop-padding 2] [--no-flip] " +
        "[--erasing 0] [--train-limit N] [--seed 1] [--onnx-out model.onnx]\n" +
        "       cnn-train --throughput [--dataset DIR] [--arch reference] [--rows 12800] [--batch 128] [--threads 2] [--repeats 3]\n" +
        "       cnn-train --profile STEPS [--arch reference] [--batch 128] [--threads 1]   (per-layer time of a training step)";

    public string Dataset { get; private set; } = "/usr/share/datasets/fashion-mnist";

    public string Arch { get; private set; } = "default";

    public bool ArchSet { get; private set; }

    public int Epochs { get; private set; } = 15;

    public int Batch { get; private set; } = 128;

    public int Threads { get; private set; } = 2;

    public string Optimizer { get; private set; } = "adamw";

    public float LearningRate { get; private set; } = 3e-3f;

    public bool LearningRateSet { get; private set; }

    /// <summary>Default 0.01 for AdamW (decoupled, PyTorch's default), 5e-4 (L2) for SGD.</summary>
    public float WeightDecay { get; private set; } = float.NaN;

    public float LabelSmoothing { get; private set; } = 0.1f;

    public int CropPadding { get; private set; } = 2;

    public bool Flip { get; private set; } = true;

    public float Erasing { get; private set; }

    public int TrainLimit { get; private set; }

    public int Seed { get; private set; } = 1;

    public string? OnnxOut { get; private set; }

    public bool Throughput { get; private set; }

    public int Rows { get; private set; } = 12800;

    public int Repeats { get; private set; } = 3;

    public int Profile { get; private set; }

    public static CnnTrainArgs Parse(string[] args)
    {
        var a = new CnnTrainArgs();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            float NextFloat() => float.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--dataset": a.Dataset = Next(); break;
                case "--arch": a.Arch = Next(); a.ArchSet = true; break;
                case "--epochs": a.Epochs = NextInt(); break;
                case "--batch": a.Batch = NextInt(); break;
                case "--threads": a.Threads = NextInt(); break;
                case "--optimizer": a.Optimizer = Next(); break;
                case "--lr": a.LearningRate = NextFloat(); a.LearningRateSet = true; break;
                case "--weight-decay": a.WeightDecay = NextFloat(); break;
                case "--label-smoothing": a.LabelSmoothing = NextFloat(); break;
                case "--crop-padding": a.CropPadding = NextInt(); break;
                case "--no-flip": a.Flip = false; break;
                case "--erasing": a.Erasing = NextFloat(); break;
                case "--train-limit": a.TrainLimit = NextInt(); break;
                case "--seed": a.Seed = NextInt(); break;
                case "--onnx-out": a.OnnxOut = Next(); break;
                case "--throughput": a.Throughput = true; break;
                case "--rows": a.Rows = NextInt(); break;
                case "--repeats": a.Repeats = NextInt(); break;
                case "--profile": a.Profile = NextInt(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (float.IsNaN(a.WeightDecay))
        {
            a.WeightDecay = a.Optimizer == "sgd" ? 5e-4f : 0.01f;
        }

        if ((a.Throughput || a.Profile > 0) && !a.ArchSet)
        {
            a.Arch = "reference";
        }

        if (a.Optimizer is not ("adamw" or "sgd"))
        {
            throw new ArgumentException($"unknown optimizer '{a.Optimizer}' (adamw, sgd)");
        }

        if (a.Epochs < 1 || a.Batch < 2 || a.Threads < 1 || a.Rows < a.Batch || a.Repeats < 1)
        {
            throw new ArgumentException("epochs, threads and repeats must be >= 1, batch >= 2, rows >= batch");
        }

        return a;
    }
}
