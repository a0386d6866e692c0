using System.Diagnostics;

namespace MLPipelines.PlainMLNet.Tests;

/// <summary>Runs the built <c>mlpipe</c> CLI (same configuration as this test assembly) as a separate process.</summary>
internal static class MlpipeProcess
{
    /// <summary>The repository root: the folder above this assembly that holds MLPipelines.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Runs <c>dotnet mlpipe.dll ARGS</c> in <paramref name="workingDirectory"/>; fails the test with its output on a non-zero exit.</summary>
    public static string Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(CliPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"mlpipe {string.Join(' ', args)} exited {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        return stdout;
    }

    private static string CliPath()
    {
        // bin/<Configuration>/net10.0 of this assembly -> the CLI's output of the same configuration.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent!.Name;
        var path = Path.Combine(RepositoryRoot, "src", "MLPipelines.Cli", "bin", configuration, here.Name, "mlpipe.dll");
        Assert.True(File.Exists(path), $"the CLI is not built at {path} (build the solution first)");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MLPipelines.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("MLPipelines.sln not found above " + AppContext.BaseDirectory);
    }
}
