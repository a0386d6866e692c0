using System.Text.Json;
using System.Text.RegularExpressions;
using MLPipelines.Spec;

namespace MLPipelines.Serving;

/// <summary>
/// The rows of a JSON request body: <c>{"rows": [{...}, ...]}</c> or a bare array of row objects. Refuses, with a
/// message naming the place, a body that is not JSON, not such an object or array, has no rows or more than the limit,
/// or a row that is not an object.
/// </summary>
internal static partial class JsonRows
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses <paramref name="body"/>; the caller disposes the document that the rows live in.</summary>
    public static (JsonDocument Document, List<JsonElement> Rows) Parse(byte[] body, int maxRows)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException e)
        {
            throw new BadRequestException(MalformedMessage(body, e));
        }

        try
        {
            return (document, RowsOf(document.RootElement, maxRows));
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>How <paramref name="element"/> reads in a message: its JSON kind, and a short excerpt of strings and numbers.</summary>
    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {Excerpt(element.GetRawText())}",
        JsonValueKind.Number => $"the number {Excerpt(element.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString(),
    };

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static List<JsonElement> RowsOf(JsonElement root, int maxRows)
    {
        JsonElement rows;
        var where = "the body";
        if (root.ValueKind == JsonValueKind.Array)
        {
            rows = root;
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            if (!root.TryGetProperty("rows", out rows))
            {
                var keys = root.EnumerateObject().Select(p => p.Name).ToList();
                var hint = NameSuggester.Suggest("rows", keys) is { } near ? $" (found '{near}': did you mean 'rows'?)" : "";
                throw new BadRequestException($"the body has no \"rows\" key{hint}; send {{\"rows\": [{{\"column\": value, ...}}, ...]}}");
            }

            where = "\"rows\"";
            if (rows.ValueKind != JsonValueKind.Array)
            {
                throw new BadRequestException($"\"rows\" must be an array of row objects; got {Describe(rows)}");
            }
        }
        else
        {
            throw new BadRequestException($"the body must be a JSON object {{\"rows\": [...]}} or an array of rows; got {Describe(root)}");
        }

        var count = rows.GetArrayLength();
        if (count == 0)
        {
            throw new BadRequestException($"{where} is empty; send at least one row");
        }

        if (count > maxRows)
        {
            throw new BadRequestException($"{where} has {count} rows, more than this server scores in one request ({maxRows}, --max-rows); split the batch");
        }

        var list = new List<JsonElement>(count);
        var index = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object)
            {
                throw BadRequestException.At($"rows[{index}]", $"a row must be an object of column: value; got {Describe(row)}");
            }

            list.Add(row);
            index++;
        }

        return list;
    }

    private static string MalformedMessage(byte[] body, JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        var reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
        var text = System.Text.Encoding.UTF8.GetString(body);
        var hint = NonJsonNumber().IsMatch(text) ? "; NaN and Infinity are not JSON numbers: send null for a missing value" : "";
        return $"the body is not valid JSON{where}: {reason}{hint}";
    }

    [GeneratedRegex(@"[:\[,]\s*-?(NaN|Infinity)\b")]
    private static partial Regex NonJsonNumber();
}
