using System.Diagnostics;
using System.Globalization;
using MLPipelines.Bench.Kernels;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Tensors;

namespace MLPipelines.Bench.Cnn;

/// <summary>
/// Per-layer cost of one training step (forward + backward) of a built network: thread CPU time with 1 thread
/// (pure work, insensitive to other load on the machine) and wall time with the network's thread count.
/// </summary>
internal static class LayerProfile
{
    public static void Print(Network network, int batch, int steps)
    {
        var layers = network.Layers;
        var x = new Tensor(batch, network.InputShape);
        var r = new Random(1);
        for (var i = 0; i < x.Length; i++)
        {
            x.Data[i] = (float)(r.NextDouble() - 0.5);
        }

        var dy = new Tensor(batch, network.OutputShape);
        for (var i = 0; i < dy.Length; i++)
        {
            dy.Data[i] = (float)((r.NextDouble() - 0.5) * 0.01);
        }

        var forwardCpu = new double[layers.Count];
        var backwardCpu = new double[layers.Count];
        var forwardWall = new double[layers.Count];
        var backwardWall = new double[layers.Count];
        var context = new PassContext { Training = true, Threads = network.Threads };
        for (var s = -10; s < steps; s++)
        {
            var t = x;
            for (var l = 0; l < layers.Count; l++)
            {
                var (c0, w0) = (ThreadCpuTime.Seconds(), Stopwatch.GetTimestamp());
                t = layers[l].Forward(t, context);
                if (s >= 0)
                {
                    forwardCpu[l] += ThreadCpuTime.Seconds() - c0;
                    forwardWall[l] += Stopwatch.GetElapsedTime(w0).TotalSeconds;
                }
            }

            Tensor? g = dy;
            for (var l = layers.Count - 1; l >= 0 && g is not null; l--)
            {
                var (c0, w0) = (ThreadCpuTime.Seconds(), Stopwatch.GetTimestamp());
                g = layers[l].Backward(g, context);
                if (s >= 0)
                {
                    backwardCpu[l] += ThreadCpuTime.Seconds() - c0;
                    backwardWall[l] += Stopwatch.GetElapsedTime(w0).TotalSeconds;
                }
            }
        }

        Console.WriteLine($"# per-step ms, batch {batch}, threads {network.Threads} (caller-thread CPU / wall)");
        for (var l = 0; l < layers.Count; l++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{l,2} {layers[l].Kind,-12} {layers[l].OutputShape,-14} fwd {1e3 * forwardCpu[l] / steps,7:F2} / {1e3 * forwardWall[l] / steps,7:F2}   bwd {1e3 * backwardCpu[l] / steps,7:F2} / {1e3 * backwardWall[l] / steps,7:F2}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total fwd {1e3 * forwardCpu.Sum() / steps:F2} / {1e3 * forwardWall.Sum() / steps:F2}  bwd {1e3 * backwardCpu.Sum() / steps:F2} / {1e3 * backwardWall.Sum() / steps:F2} ms"));
    }
}
