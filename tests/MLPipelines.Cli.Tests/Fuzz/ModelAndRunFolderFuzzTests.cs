using System.IO.Compression;
using System.Text;
using CsCheck;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// Corrupt model zips given to <c>predict</c> (cut, bit-flipped, entries removed, emptied, replaced or added), and
/// corrupt run folders given to <c>report</c> (results.json, predictions, resolved.yaml, environment.json mutated,
/// emptied or deleted).
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class ModelAndRunFolderFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Models = ["lin.zip", "gbm.zip", "net.zip"];

    private static readonly string[] JsonValues =
    [
        "null", "[]", "{}", "\"\"", "-1", "0", "1e400", "NaN", "\"NaN\"", "true", "\"x\"", "[null]", "{\"a\": null}",
        new string('[', 100) + new string(']', 100), "9999999999999999999999", "-0.0", "\"\\u0000\"", "\"😀\"",
    ];

    private static readonly TextMutator JsonMutator = new(JsonValues, ["{", "}", "[", "]", "\"models\": null,", "\"models\": [{}],"]);

    private static readonly TextMutator YamlMutator = new(FuzzValues.Scalars, FuzzValues.Lines);

    private static readonly TextMutator CsvMutator = new(CsvShapes.Values, CsvShapes.Lines);

    [Fact]
    public void Predict_CorruptModelZip_ExitZeroOrTwoWithMessage()
    {
        var fixture = FuzzFixture.Shared;
        var gen = Gen.Select(Gen.Int[0, Models.Length - 1], Gene.Many(1, 4), Gen.Int[0, 99]);

        var summary = FuzzRunner.Run("zip", gen, FuzzBudget.Cases(24, 200), (value, folder) =>
        {
            var (model, genes, pick) = value;
            var zip = Path.Combine(folder, "model.zip");
            File.Copy(Path.Combine(fixture.RunFolder, "models", Models[model]), zip);
            if (pick < 40)
            {
                File.WriteAllBytes(zip, ByteMutator.Apply(File.ReadAllBytes(zip), genes));
            }
            else
            {
                MutateEntry(zip, genes, pick);
            }

            return new FuzzCase(["predict", "--model", zip, "--input", fixture.P("table.csv"), "--output", Path.Combine(folder, "p.csv")]);
        }, TimeSpan.FromSeconds(60));

        output.WriteLine(summary.ToString());
        Assert.True(summary.Failures.Count == 0, summary.ToString());
    }

    [Fact]
    public void Report_CorruptRunFolder_ExitZeroOrTwoWithMessage()
    {
        var fixture = FuzzFixture.Shared;
        var gen = Gen.Select(Gene.Many(1, 5), Gen.Int[0, 99], Gen.Int[0, 9]);

        var summary = FuzzRunner.Run("run-folder", gen, FuzzBudget.Cases(24, 200), (value, folder) =>
        {
            var (genes, pick, format) = value;
            var run = Path.Combine(folder, "run");
            CopyFolder(fixture.RunFolder, run);
            var files = Directory.GetFiles(run, "*", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".zip", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
            var file = pick < 50 ? Path.Combine(run, "results.json") : files[pick % files.Length];
            switch (pick % 10)
            {
                case 0:
                    File.Delete(file);
                    break;
                case 1:
                    FuzzFiles.Write(file, "");
                    break;
                default:
                    var mutator = file.EndsWith(".json", StringComparison.Ordinal) ? JsonMutator
                        : file.EndsWith(".csv", StringComparison.Ordinal) ? CsvMutator : YamlMutator;
                    FuzzFiles.Write(file, mutator.Apply(File.ReadAllText(file), genes));
                    break;
            }

            string[] args = format switch
            {
                < 4 => ["report", run, "--format", "markdown"],
                < 8 => ["report", run],
                8 => ["report", run, "--baseline", "gbm"],
                _ => ["report", run, "--all-pairs", "--format", "markdown"],
            };
            return new FuzzCase(args);
        }, TimeSpan.FromSeconds(60));

        output.WriteLine(summary.ToString());
        Assert.True(summary.Failures.Count == 0, summary.ToString());
    }

    private static void MutateEntry(string zip, Gene[] genes, int pick)
    {
        using var archive = ZipFile.Open(zip, ZipArchiveMode.Update);
        var entries = archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
        var entry = entries[pick % entries.Count];
        switch (pick % 5)
        {
            case 0:
                entry.Delete();
                break;
            case 1:
                archive.CreateEntry("Junk/" + pick).Open().Write(Encoding.UTF8.GetBytes("junk"));
                break;
            case 2:
                foreach (var each in entries.Where(e => e.FullName.StartsWith(entry.FullName.Split('/')[0], StringComparison.Ordinal)))
                {
                    each.Delete();
                }

                break;
            default:
                byte[] content;
                using (var read = entry.Open())
                using (var memory = new MemoryStream())
                {
                    read.CopyTo(memory);
                    content = memory.ToArray();
                }

                var name = entry.FullName;
                entry.Delete();
                using (var write = archive.CreateEntry(name).Open())
                {
                    write.Write(pick % 5 == 3 ? ByteMutator.Apply(content, genes) : []);
                }

                break;
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
