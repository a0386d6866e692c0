using System.Diagnostics;

namespace MLPipelines.Cli.Tests.Cluster;

/// <summary>A real <c>mlpipe worker</c> process; started and waited for until it has joined its cluster.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkerProcess(string clusterUrl, string clusterId)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "mlpipe.dll"), "worker", "--cluster", clusterUrl, "--cluster-id", clusterId, "--cores", "1" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("worker ", StringComparison.Ordinal) && line.Contains(" ready:", StringComparison.Ordinal))
            {
                _ready.TrySetResult(line.Split(' ')[1]);
            }
        };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until the worker has joined; returns its id (as stored in Redis).</summary>
    public string WaitReady()
    {
        if (!_ready.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException("mlpipe worker did not join its cluster in 60 s");
        }

        Id = _ready.Task.Result;
        return Id;
    }

    public string? Id { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no handler runs, the worker's in-flight units are lost.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
