using System.Diagnostics;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// Runs one case: in-process through <see cref="CliApp"/> (fast; on its own thread with the 8 MB stack of a real
/// process's main thread, so a stack overflow would show as it does in <c>mlpipe</c>), or as a real <c>mlpipe</c>
/// process. A case that does not finish in time is cancelled and reported as a hang.
/// </summary>
internal static class FuzzExecution
{
    private const int MainThreadStack = 8 << 20;

    public static FuzzOutcome InProcess(string[] args, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource();
        (int Code, string Output)? result = null;
        Exception? escaped = null;
        var clock = Stopwatch.StartNew();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = CliRunner.Run(args, cancel.Token);
                }
                catch (Exception e)
                {
                    escaped = e; // CliApp maps every exception to an exit code; one that escapes is a failure too
                }
            },
            MainThreadStack)
        { IsBackground = true, Name = "fuzz case" };
        thread.Start();
        var finished = thread.Join(timeout);
        if (!finished)
        {
            cancel.Cancel();
            thread.Join(TimeSpan.FromSeconds(10));
        }

        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        return escaped is not null
            ? new FuzzOutcome(-1, $"escaped {escaped.GetType().Name}: {escaped.Message}\n{escaped}", false, clock.Elapsed, allocated)
            : new FuzzOutcome(result?.Code ?? -1, result?.Output ?? "", !finished, clock.Elapsed, allocated);
    }

    /// <summary>The real <c>mlpipe</c> (the CLI assembly next to the tests) with standard error captured.</summary>
    public static FuzzOutcome Process(string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mlpipe.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("MLPIPE_DEBUG");
        var clock = Stopwatch.StartNew();
        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new FuzzOutcome(-1, stdout.Result + stderr.Result, true, clock.Elapsed, 0);
        }

        process.WaitForExit();
        return new FuzzOutcome(process.ExitCode, stderr.Result + stdout.Result, false, clock.Elapsed, 0);
    }
}
