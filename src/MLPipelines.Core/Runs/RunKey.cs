using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using MLPipelines.Spec;

namespace MLPipelines.Core.Runs;

/// <summary>
/// The content hash that decides whether finished work of an earlier, interrupted run may be reused: SHA-256 of the
/// resolved spec (every option, the task, the seed), the bytes of every data file, and the builds of mlpipe and the
/// trainers used (their module version ids). Any change to one of them gives another key, and nothing is reused.
/// </summary>
public static class RunKey
{
    /// <summary>The key of <paramref name="spec"/> (after its task is resolved) run with code from <paramref name="assemblies"/>.</summary>
    public static string Compute(PipelineSpec spec, IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(assemblies);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, ResolvedSpecWriter.ToYaml(spec));
        foreach (var assembly in assemblies.Append(typeof(RunKey).Assembly).Distinct().OrderBy(a => a.FullName, StringComparer.Ordinal))
        {
            Add(hash, $"{assembly.FullName} {assembly.ManifestModule.ModuleVersionId}");
        }

        foreach (var file in DataFiles(spec))
        {
            Add(hash, file);
            AddFile(hash, file);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of a file's bytes, lower-case hex.</summary>
    public static string OfFile(string path)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AddFile(hash, path);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every file the data of <paramref name="spec"/> is read from, in a fixed order.</summary>
    private static IEnumerable<string> DataFiles(PipelineSpec spec)
    {
        var data = spec.Data;
        var roots = data.Kind == DataKind.Tabular
            ? [data.Path]
            : new[] { data.TrainingImages, data.Test }.Where(s => s is not null).SelectMany(s => new[] { s!.Images, s.Labels }).OfType<string>();
        foreach (var root in roots.Where(r => r.Length > 0))
        {
            if (Directory.Exists(root))
            {
                foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else if (File.Exists(root))
            {
                yield return root;
            }
        }
    }

    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }

    private static void AddFile(IncrementalHash hash, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        hash.AppendData([0]);
    }
}
