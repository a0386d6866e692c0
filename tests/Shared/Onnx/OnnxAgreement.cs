using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MLPipelines.Tests.Shared;

/// <summary>
/// Scores a run's <c>models/NAME.onnx</c> with ONNX Runtime row by row from the raw CSV columns and compares it with
/// ML.NET's scoring of <c>models/NAME.zip</c>: <c>Score</c> and <c>Probability</c> within 1e-5, <c>Prediction</c> equal
/// (text) or within 1e-5 relative (numbers, e.g. exp of a log label).
/// </summary>
internal static class OnnxAgreement
{
    /// <summary>Asserts the agreement; returns the largest absolute Score/Probability difference seen.</summary>
    public static double Assert(string directory, string model, string csv, int maxRows = 200)
    {
        // Given the run's zip and the ONNX file written beside it
        var onnx = Path.Combine(directory, "models", model + ".onnx");
        Xunit.Assert.True(File.Exists(onnx), onnx);
        var ml = new MLContext(seed: 0);
        var transformer = ml.Model.LoadWithDataLoader(Path.Combine(directory, "models", model + ".zip"), out var loader);
        var raw = ml.Data.TakeRows(loader.Load(csv), maxRows);
        var scored = transformer.Transform(raw);
        var expected = new[] { "Score", "Probability", "Prediction" }
            .Where(c => scored.Schema.GetColumnOrNull(c) is not null)
            .ToDictionary(c => c, c => Values(scored, c));

        // When ONNX Runtime scores every row from the same raw columns
        using var session = new InferenceSession(onnx);
        var columns = session.InputMetadata.ToDictionary(m => m.Key, m => Column(raw, m.Key, m.Value.ElementType));
        var outputs = expected.Keys.ToDictionary(c => c, c => session.OutputMetadata.Keys.Single(n => n == c + ".output"));
        var largest = 0.0;
        var rows = expected["Score"].Length;
        for (var row = 0; row < rows; row++)
        {
            using var results = session.Run(columns.Select(c => c.Value(row)).ToList(), [.. outputs.Values]);
            foreach (var (column, output) in outputs)
            {
                var result = results.Single(r => r.Name == output);
                var want = expected[column][row];

                // Then every value matches ML.NET's
                if (want is string[] text)
                {
                    Xunit.Assert.Equal(text, result.AsEnumerable<string>().ToArray());
                    continue;
                }

                var numbers = (float[])want;
                var actual = result.AsEnumerable<float>().ToArray();
                Xunit.Assert.Equal(numbers.Length, actual.Length);
                for (var k = 0; k < actual.Length; k++)
                {
                    var difference = Math.Abs(numbers[k] - actual[k]);
                    var tolerance = column == "Prediction" ? 1e-5 * Math.Max(1, Math.Abs(numbers[k])) : 1e-5;
                    Xunit.Assert.True(difference <= tolerance, $"{model} row {row} {column}[{k}]: ML.NET {numbers[k]}, ONNX Runtime {actual[k]}");
                    largest = column == "Prediction" ? largest : Math.Max(largest, difference);
                }
            }
        }

        return largest;
    }

    /// <summary>Each row's value of a column as float[] (scalars as one value) or string[].</summary>
    private static object[] Values(IDataView view, string name)
    {
        var column = view.Schema[name];
        return column.Type switch
        {
            VectorDataViewType => [.. view.GetColumn<float[]>(column)],
            TextDataViewType => [.. view.GetColumn<ReadOnlyMemory<char>>(column).Select(v => new[] { v.ToString() })],
            _ => [.. view.GetColumn<float>(column).Select(v => new[] { v })],
        };
    }

    /// <summary>
    /// Row <c>i</c> of a raw column as a [1, 1] tensor named like the ONNX input; the label (an input of the graph, as
    /// it is of the ML.NET model, not used for scores) is fed as missing (false when boolean).
    /// </summary>
    private static Func<int, NamedOnnxValue> Column(IDataView raw, string name, Type elementType)
    {
        if (elementType == typeof(bool))
        {
            return _ => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<bool>(new[] { false }, [1, 1]));
        }

        if (raw.Schema.GetColumnOrNull(name) is not { } column)
        {
            return elementType == typeof(string) ? _ => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(new[] { "" }, [1, 1]))
                : elementType == typeof(uint) ? _ => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<uint>(new[] { 0u }, [1, 1]))
                : _ => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(new[] { float.NaN }, [1, 1]));
        }

        if (column.Type is TextDataViewType)
        {
            var values = raw.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString()).ToArray();
            return i => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(new[] { values[i] }, [1, 1]));
        }

        var numbers = raw.GetColumn<float>(column).ToArray();
        return i => NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(new[] { numbers[i] }, [1, 1]));
    }
}
