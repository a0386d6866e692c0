using System.Globalization;
using System.IO.Compression;
using System.Text;
using StbImageWriteSharp;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// The valid inputs the fuzz cases mutate, made once per test run in a temporary folder: a small mixed-type table,
/// IDX files (raw and gzip), a class-per-folder set of PNG and JPEG images, pixel CSV, pipeline and experiment specs
/// over them, and a finished run folder (with model zips) made by a real <c>mlpipe run</c>.
/// </summary>
internal sealed class FuzzFixture
{
    private static readonly Lazy<FuzzFixture> Instance = new(() => new FuzzFixture());

    private FuzzFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "mlpipe-fuzz", "base-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
        Csv = Table(40);
        File.WriteAllText(Path.Combine(Folder, "table.csv"), Csv);
        WriteIdx();
        WriteImageFolder();
        File.WriteAllText(Path.Combine(Folder, "pixels.csv"), PixelCsv());
        Specs = new Dictionary<string, string>
        {
            ["tabular"] = TabularSpec,
            ["idx"] = $"name: fz-idx\ndata:\n  kind: images\n  format: idx\n  train: {{images: {P("train-images.gz")}, labels: {P("train-labels")}}}\n  classes: [a, b]\nevaluation: {{method: holdout, test_fraction: 0.25, seed: 2}}\nmodels:\n  - {{name: lin, trainer: lbfgs}}\nreport: {{formats: [json], feature_importance: false}}\n",
            ["folders"] = $"name: fz-folders\ndata:\n  kind: images\n  format: folders\n  path: {P("photos")}\n  image: {{width: 8, height: 8, channels: 3, resize: area}}\n  skip_unreadable: false\nevaluation: {{method: holdout, seed: 2}}\npreprocessing: [{{normalize: {{method: zscore}}}}]\nmodels:\n  - {{name: lin, trainer: lbfgs}}\nreport: {{formats: [json], feature_importance: false}}\n",
            ["csv_pixels"] = $"name: fz-pixels\ndata:\n  kind: images\n  format: csv_pixels\n  path: {P("pixels.csv")}\n  label: digit\n  image: {{width: 4, height: 4, channels: 1}}\n  pixel_max: 16\nevaluation: {{method: kfold, folds: 2, seed: 2}}\nmodels:\n  - {{name: lin, trainer: lbfgs}}\nreport: {{formats: [json], feature_importance: false}}\n",
            ["experiment"] = $"name: fz-exp\nmetric: accuracy\nevaluation: {{method: kfold, folds: 2, seed: 3}}\nmodels:\n  - {{name: lin, trainer: lbfgs}}\n  - {{name: gbm, trainer: lightgbm, options: {{iterations: 5}}}}\ndatasets:\n  - {{name: one, data: {{path: {P("table.csv")}, label: label}}}}\n  - {{name: two, data: {{path: {P("table.csv")}, label: flag}}}}\nreport: {{formats: [json, markdown]}}\n",
        };
        var spec = Path.Combine(Folder, "run.yaml");
        File.WriteAllText(spec, TabularSpec);
        RunFolder = Path.Combine(Folder, "run");
        var (code, output) = CliRunner.Run("run", spec, "--out", RunFolder, "--quiet");
        if (code != ExitCodes.Ok)
        {
            throw new InvalidOperationException($"the fuzz fixture's run failed ({code}): {output}");
        }
    }

    public static FuzzFixture Shared => Instance.Value;

    /// <summary>Where the base files live.</summary>
    public string Folder { get; }

    /// <summary>The base table: 40 rows, numeric, integer, categorical, yes/no and a three-class label.</summary>
    public string Csv { get; }

    /// <summary>Valid specs by kind (tabular, idx, folders, csv_pixels, experiment), with absolute data paths.</summary>
    public IReadOnlyDictionary<string, string> Specs { get; }

    /// <summary>A finished run of <see cref="TabularSpec"/> (lbfgs, lightgbm and mlp; json, markdown and html reports).</summary>
    public string RunFolder { get; }

    /// <summary>The tabular spec: every section, several models, cheap enough to run per case.</summary>
    public string TabularSpec => $$$"""
        name: fz
        data:
          path: {{{P("table.csv")}}}
          label: label
          separator: ","
          missing_values: [NA, "?"]
          columns: {categorical: [code], ignore: []}
        evaluation: {method: kfold, folds: 2, repeats: 1, seed: 3, stratify: true}
        preprocessing:
          - impute: {numeric: median, categorical: most_frequent}
          - one_hot: {max_categories: 16}
        models:
          - {name: lin, trainer: lbfgs, options: {l2: 1.0}}
          - name: gbm
            trainer: lightgbm
            options: {iterations: 5, learning_rate: 0.3}
          - {name: net, trainer: mlp, options: {epochs: 2}}
        report: {formats: [json, markdown, html], baseline: lin, feature_importance: false}

        """;

    /// <summary>Path of a base file.</summary>
    public string P(string name) => Path.Combine(Folder, name);

    /// <summary>A copy of <see cref="Csv"/>'s layout with <paramref name="rows"/> rows (deterministic).</summary>
    public static string Table(int rows)
    {
        var text = new StringBuilder("x,count,colour,flag,code,label\n");
        for (var i = 0; i < rows; i++)
        {
            var x = ((i * 37) % 23 / 4.0).ToString("G", CultureInfo.InvariantCulture);
            var colour = (i % 3) switch { 0 => "red", 1 => "\"green, light\"", _ => "" };
            text.Append(CultureInfo.InvariantCulture, $"{x},{i % 7},{colour},{(i % 2 == 0 ? "yes" : "no")},{100 + (i % 4)},{"abc"[i % 3]}\n");
        }

        return text.ToString();
    }

    private void WriteIdx()
    {
        const int count = 24;
        const int side = 6;
        var images = new byte[16 + (count * side * side)];
        images[2] = 8;
        images[3] = 3;
        WriteInt(images, 4, count);
        WriteInt(images, 8, side);
        WriteInt(images, 12, side);
        var labels = new byte[8 + count];
        labels[2] = 8;
        labels[3] = 1;
        WriteInt(labels, 4, count);
        for (var i = 0; i < count; i++)
        {
            labels[8 + i] = (byte)(i % 2);
            for (var p = 0; p < side * side; p++)
            {
                images[16 + (i * side * side) + p] = (byte)((p * 7 * (1 + (i % 2))) + (i * 3));
            }
        }

        File.WriteAllBytes(P("train-labels"), labels);
        using var file = File.Create(P("train-images.gz"));
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(images);
    }

    private void WriteImageFolder()
    {
        for (var c = 0; c < 2; c++)
        {
            var folder = Directory.CreateDirectory(P(Path.Combine("photos", c == 0 ? "cat" : "dog"))).FullName;
            for (var i = 0; i < 6; i++)
            {
                var pixels = Enumerable.Range(0, 8 * 8 * 3).Select(p => (byte)((p * (c + 1) * 5) + (i * 11))).ToArray();
                using var stream = File.Create(Path.Combine(folder, $"{i}.{(i % 2 == 0 ? "png" : "jpg")}"));
                if (i % 2 == 0)
                {
                    new ImageWriter().WritePng(pixels, 8, 8, ColorComponents.RedGreenBlue, stream);
                }
                else
                {
                    new ImageWriter().WriteJpg(pixels, 8, 8, ColorComponents.RedGreenBlue, stream, 90);
                }
            }
        }
    }

    private static string PixelCsv()
    {
        var text = new StringBuilder(string.Join(',', Enumerable.Range(0, 16).Select(i => $"p{i}")) + ",digit\n");
        for (var r = 0; r < 20; r++)
        {
            text.Append(string.Join(',', Enumerable.Range(0, 16).Select(i => ((i * (1 + (r % 2)) + r) % 17).ToString(CultureInfo.InvariantCulture))));
            text.Append(CultureInfo.InvariantCulture, $",{r % 2}\n");
        }

        return text.ToString();
    }

    private static void WriteInt(byte[] bytes, int offset, int value) =>
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(offset), value);
}
