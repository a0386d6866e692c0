using System.Globalization;

namespace MLPipelines.Bench.Mlp;

/// <summary>Options of the <c>mlp-train</c> verb, parsed from <c>--name value</c> pairs.</summary>
internal sealed class MlpTrainArgs
{
    public string Data { get; private set; } = "datasets/letter.csv";

    public int[] Hidden { get; private set; } = [256, 256, 256];

    public int Batch { get; private set; } = 256;

    public int Epochs { get; private set; } = 5;

    public int Threads { get; private set; } = 2;

    public float LearningRate { get; private set; } = 1e-3f;

    public int Seed { get; private set; } = 1;

    public int Repeats { get; private set; } = 3;

    public bool NoFuse { get; private set; }

    public string Activation { get; private set; } = "relu";

    public float Dropout { get; private set; }

    public bool LayerNorm { get; private set; }

    public string? OnnxOut { get; private set; }

    public string? OnnxAllLayers { get; private set; }

    public static MlpTrainArgs Parse(string[] args)
    {
        var a = new MlpTrainArgs();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--data": a.Data = Next(); break;
                case "--hidden": a.Hidden = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--batch": a.Batch = NextInt(); break;
                case "--epochs": a.Epochs = NextInt(); break;
                case "--threads": a.Threads = NextInt(); break;
                case "--lr": a.LearningRate = float.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--seed": a.Seed = NextInt(); break;
                case "--repeats": a.Repeats = NextInt(); break;
                case "--no-fuse": a.NoFuse = true; break;
                case "--activation": a.Activation = Next(); break;
                case "--dropout": a.Dropout = float.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--layer-norm": a.LayerNorm = true; break;
                case "--onnx-out": a.OnnxOut = Next(); break;
                case "--onnx-all-layers": a.OnnxAllLayers = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        return a;
    }
}
