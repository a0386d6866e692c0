using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using MLPipelines.Core.Preprocessing;

namespace MLPipelines.Core.Tests.Preprocessing;

public sealed class ExpressionColumnsTests
{
    /// <summary>
    /// The forms our preprocessing writes: missing tokens replacing A and B, a fill of A into A2 (reading A as it was
    /// before the group, not the cleaned A), boolean text and a missing indicator.
    /// </summary>
    internal static readonly (string Output, string Input, string Expression)[] Columns =
    [
        ("A", "A", "x => (x == \"NA\" || x == \"?\") ? \"\" : x"),
        ("B", "B", "x => (x == \"NA\" || x == \"?\") ? \"\" : x"),
        ("A2", "A", "x => x == \"\" ? \"(missing)\" : x"),
        ("__bool.C", "C", "x => lower(x) == \"yes\" ? 1f : (lower(x) == \"no\" ? 0f : na(0f))"),
        ("__missing.D", "D", "x => isna(x) ? 1f : 0f"),
    ];

    internal static readonly Row[] Rows =
    [
        new() { A = "NA", B = "b", C = "Yes", D = 1f },
        new() { A = "", B = "?", C = "no", D = float.NaN },
        new() { A = "a", B = "NA", C = "maybe", D = 2f },
        new() { A = "?", B = "", C = "", D = float.NaN },
    ];

    [Fact]
    public void ExpressionColumns_Fit_OneTransformerGivesTheValuesOfSingleColumnExpressions()
    {
        // Given several expression columns, one output replacing an input another column reads
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows);

        // When they are fitted as one estimator, and saved and loaded again
        var fitted = ExpressionColumns.Create(ml, Columns).Fit(data);
        var reloaded = SaveAndLoad(ml, fitted, data.Schema);

        // Then it is one transformer, and every column equals the single-column expression's on the raw input
        Assert.True(ExpressionColumns.Grouped, "ML.NET's internal multi-column ExpressionEstimator constructor was not found");
        Assert.IsType<ExpressionTransformer>(fitted);
        foreach (var model in new[] { fitted, reloaded })
        {
            var scored = model.Transform(data);
            foreach (var (output, input, expression) in Columns)
            {
                var single = ml.Transforms.Expression(output, expression, input).Fit(data).Transform(data);
                Assert.Equal(Values(single, output), Values(scored, output));
            }

            Assert.Equal(["", "", "a", ""], Values(scored, "A"));
            Assert.Equal(["NA", "(missing)", "a", "?"], Values(scored, "A2"));
            Assert.Equal(["1", "0", "NaN", "NaN"], Values(scored, "__bool.C"));
            Assert.Equal(["0", "1", "0", "1"], Values(scored, "__missing.D"));
        }
    }

    [Fact]
    public void ExpressionColumns_Fit_RejectsAMissingInputColumn()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows);
        var estimator = ExpressionColumns.Create(ml, [.. Columns, ("E", "NoSuchColumn", "x => isna(x) ? 1f : 0f")]);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Fit(data));

        Assert.Contains("NoSuchColumn", error.Message, StringComparison.Ordinal);
    }

    private static string[] Values(IDataView view, string name)
    {
        var column = view.Schema[name];
        return column.Type is TextDataViewType
            ? [.. view.GetColumn<ReadOnlyMemory<char>>(column).Select(v => v.ToString())]
            : [.. view.GetColumn<float>(column).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))];
    }

    private static ITransformer SaveAndLoad(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        stream.Position = 0;
        return ml.Model.Load(stream, out _);
    }

    internal sealed class Row
    {
        public string A { get; set; } = "";

        public string B { get; set; } = "";

        public string C { get; set; } = "";

        public float D { get; set; }
    }
}
