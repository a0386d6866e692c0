using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using MLPipelines.Results;

namespace MLPipelines.Core.Runs;

/// <summary>The machine and software a run used: <c>environment.json</c>.</summary>
public sealed record EnvironmentInfo
{
    public string Os { get; init; } = RuntimeInformation.OSDescription;

    public string Architecture { get; init; } = RuntimeInformation.OSArchitecture.ToString();

    public string Cpu { get; init; } = CpuName();

    public int Cores { get; init; } = Environment.ProcessorCount;

    public string Dotnet { get; init; } = RuntimeInformation.FrameworkDescription;

    public IReadOnlyDictionary<string, string> Packages { get; init; } = PackageVersions();

    public int Seed { get; init; }

    public string? GitCommit { get; init; }

    public string MachineName { get; init; } = Environment.MachineName;

    /// <summary>How LightGBM's and XGBoost's OpenMP threads wait, chosen from the load when the process started.</summary>
    public string OpenMpWaitPolicy { get; init; } = NativeThreading.Policy;

    /// <summary>Collects the environment; <paramref name="gitDirectory"/> is where to ask git for the commit.</summary>
    public static EnvironmentInfo Capture(int seed, string? gitDirectory) =>
        new() { Seed = seed, GitCommit = gitDirectory is null ? null : GitCommitOf(gitDirectory) };

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, ResultsJson.Options) + "\n");

    private static string CpuName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static Dictionary<string, string> PackageVersions()
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, type) in new[]
                 {
                     ("MLPipelines.Core", typeof(EnvironmentInfo)),
                     ("Microsoft.ML", typeof(Microsoft.ML.MLContext)),
                     ("Microsoft.ML.LightGbm", typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer)),
                     ("Microsoft.ML.FastTree", typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer)),
                 })
        {
            var info = type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? type.Assembly.GetName().Version?.ToString() ?? "?";
            versions[name] = info.Split('+')[0];
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var name = assembly.GetName().Name;
            if (name is "MLPipelines.Trainers" or "MLPipelines.Neural" or "Microsoft.ML.OnnxRuntime" or "Microsoft.ML.OnnxTransformer")
            {
                versions[name] = (assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?").Split('+')[0];
            }
        }

        return versions;
    }

    private static string? GitCommitOf(string directory)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd().Trim();
            return git.WaitForExit(5000) && git.ExitCode == 0 && output.Length >= 7 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
