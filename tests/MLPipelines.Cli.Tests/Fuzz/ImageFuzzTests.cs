using System.IO.Compression;
using CsCheck;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// Corrupt image inputs given to <c>validate</c> and <c>run</c>: truncated and bit-flipped PNG/JPEG files, zero-sized
/// files and images, headers that lie about the size, IDX files with lying counts and dimensions (raw and inside
/// gzip), cut gzip streams, and mutated pixel CSV files.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class ImageFuzzTests(ITestOutputHelper output)
{
    private static readonly TextMutator PixelMutator = new(CsvShapes.Values, CsvShapes.Lines);

    [Fact]
    public void ValidateAndRun_CorruptImages_ExitZeroOrTwoWithMessage()
    {
        var fixture = FuzzFixture.Shared;
        var gen = Gen.Select(Gen.Int[0, 2], Gene.Many(1, 4), Gen.Int[0, 99]);

        var summary = FuzzRunner.Run("image", gen, FuzzBudget.Cases(30, 500), (value, folder) =>
        {
            var (format, genes, pick) = value;
            var kind = format switch { 0 => "idx", 1 => "folders", _ => "csv_pixels" };
            CopyBase(fixture, folder);
            switch (kind)
            {
                case "idx":
                    MutateIdx(folder, genes, pick);
                    break;
                case "folders":
                    MutateImage(folder, genes, pick);
                    break;
                default:
                    var pixels = Path.Combine(folder, "pixels.csv");
                    FuzzFiles.Write(pixels, PixelMutator.Apply(File.ReadAllText(pixels), genes));
                    break;
            }

            var spec = Path.Combine(folder, "fz.yaml");
            FuzzFiles.Write(spec, fixture.Specs[kind].Replace(fixture.Folder, folder, StringComparison.Ordinal));
            return pick < 30
                ? new FuzzCase(["validate", spec], spec)
                : new FuzzCase(["run", spec, "--out", Path.Combine(folder, "out"), "--quiet"]);
        }, TimeSpan.FromSeconds(60));

        output.WriteLine(summary.ToString());
        Assert.True(summary.Failures.Count == 0, summary.ToString());
    }

    private static void CopyBase(FuzzFixture fixture, string folder)
    {
        foreach (var name in new[] { "train-images.gz", "train-labels", "pixels.csv" })
        {
            File.Copy(fixture.P(name), Path.Combine(folder, name));
        }

        foreach (var file in Directory.EnumerateFiles(fixture.P("photos"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(fixture.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The labels file, the gzip bytes, or (mostly) the IDX bytes inside the gzip: header lies and cuts.</summary>
    private static void MutateIdx(string folder, Gene[] genes, int pick)
    {
        var images = Path.Combine(folder, "train-images.gz");
        if (pick % 4 == 0)
        {
            var labels = Path.Combine(folder, "train-labels");
            File.WriteAllBytes(labels, ByteMutator.Apply(File.ReadAllBytes(labels), genes));
        }
        else if (pick % 4 == 1)
        {
            File.WriteAllBytes(images, ByteMutator.Apply(File.ReadAllBytes(images), genes));
        }
        else
        {
            byte[] raw;
            using (var gzip = new GZipStream(File.OpenRead(images), CompressionMode.Decompress))
            using (var memory = new MemoryStream())
            {
                gzip.CopyTo(memory);
                raw = memory.ToArray();
            }

            raw = ByteMutator.Apply(raw, genes.Select(g => g with { Op = pick % 4 == 2 ? 5 : g.Op, At = pick % 4 == 2 ? g.At % 16 : g.At }));
            if (pick % 8 == 3)
            {
                File.WriteAllBytes(images, raw); // the reader detects raw vs gzip from the bytes
                return;
            }

            using var file = File.Create(images);
            using var output = new GZipStream(file, CompressionLevel.Fastest);
            output.Write(raw);
        }
    }

    /// <summary>One PNG or JPEG: cut, flipped, lying header, emptied, replaced by text; or an empty class folder.</summary>
    private static void MutateImage(string folder, Gene[] genes, int pick)
    {
        var files = Directory.GetFiles(Path.Combine(folder, "photos"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var file = files[pick % files.Length];
        switch (pick % 10)
        {
            case 0:
                File.WriteAllBytes(file, []);
                break;
            case 1:
                FuzzFiles.Write(file, "this is not an image\n");
                break;
            case 2:
                foreach (var other in Directory.GetFiles(Path.GetDirectoryName(file)!))
                {
                    File.Delete(other);
                }

                break;
            case 3:
                // PNG IHDR: width at 16, height at 20 (big-endian).
                File.WriteAllBytes(file, ByteMutator.Apply(File.ReadAllBytes(file), genes.Select(g => g with { Op = 5, At = 16 + (g.At % 8) })));
                break;
            case 4:
                File.WriteAllBytes(file, ByteMutator.Apply(File.ReadAllBytes(file), genes.Select(g => g with { Op = 6 })));
                break;
            default:
                File.WriteAllBytes(file, ByteMutator.Apply(File.ReadAllBytes(file), genes));
                break;
        }
    }
}
