using System.Globalization;
using System.Text.Json;
using MLPipelines.Core.Runs;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Serving;

/// <summary>
/// JSON rows for a tabular model, checked against its input columns and turned into the same text cells a CSV file
/// would hold, so <c>mlpipe serve</c> and <c>mlpipe predict</c> parse every value alike. A numeric column takes a
/// JSON number (within the 32-bit float range) or null (missing); any other column takes a string, a number, a
/// boolean or null (missing). Fields that are not inputs are ignored, or refused in strict mode.
/// </summary>
internal static class TabularRequest
{
    /// <summary>The rows of <paramref name="rows"/> as a table with one column per model input.</summary>
    public static CsvTable Read(IReadOnlyList<JsonElement> rows, IReadOnlyList<ModelInputColumn> inputs, bool strict)
    {
        var columns = inputs.Select(_ => new string[rows.Count]).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < inputs.Count; c++)
        {
            index[inputs[c].FileColumn] = c;
        }

        var seen = new bool[inputs.Count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            Array.Clear(seen);
            names.Clear();
            foreach (var field in rows[r].EnumerateObject())
            {
                if (!names.Add(field.Name))
                {
                    throw BadRequestException.At($"rows[{r}]", $"column '{field.Name}' is given twice");
                }

                if (!index.TryGetValue(field.Name, out var c))
                {
                    if (strict)
                    {
                        throw BadRequestException.At($"rows[{r}]",
                            $"unknown column '{field.Name}'{ModelCatalog.Sentence(NameSuggester.DidYouMean(field.Name, index.Keys))}Strict mode takes only the model's input columns (GET /models lists them)");
                    }

                    continue;
                }

                seen[c] = true;
                columns[c][r] = Cell(field.Value, inputs[c], r);
            }

            for (var c = 0; c < inputs.Count; c++)
            {
                if (!seen[c])
                {
                    var name = inputs[c].FileColumn;
                    var near = NameSuggester.Suggest(name, names.Where(n => !index.ContainsKey(n)));
                    var hint = near is null ? "" : $" (the row has '{near}': a typo?)";
                    throw BadRequestException.At($"rows[{r}]", $"column '{name}' is missing{hint}; send null for a missing value. The model's inputs: {string.Join(", ", inputs.Select(i => i.FileColumn))}");
                }
            }
        }

        return CsvTable.FromColumns("request", [.. inputs.Select(i => i.FileColumn)], columns);
    }

    private static string Cell(JsonElement value, ModelInputColumn input, int row)
    {
        var field = $"rows[{row}].{input.FileColumn}";
        if (value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        if (input.IsNumber)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                var nan = value.ValueKind == JsonValueKind.String && value.GetString() is { } s
                    && (s.Trim().Equals("NaN", StringComparison.OrdinalIgnoreCase) || s.Trim().TrimStart('+', '-').StartsWith("inf", StringComparison.OrdinalIgnoreCase));
                throw BadRequestException.At(field, nan
                    ? $"{JsonRows.Describe(value)} is not allowed: numbers must be finite; send null for a missing value"
                    : $"expected a number or null (missing); got {JsonRows.Describe(value)}");
            }

            var text = value.GetRawText();
            if (!float.IsFinite(float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)))
            {
                throw BadRequestException.At(field, $"{text} is outside the range of a 32-bit float (about ±3.4e38)");
            }

            return text;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw BadRequestException.At(field, $"expected a string, number, boolean or null (missing); got {JsonRows.Describe(value)}"),
        };
    }
}
