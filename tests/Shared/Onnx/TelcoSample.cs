namespace MLPipelines.Tests.Shared;

/// <summary>
/// A small telco churn table with the cells that reach the expressions before a trainer: missing tokens (<c>NA</c>,
/// <c>?</c>) in text columns, a boolean text column in mixed casing (<c>partner</c>: Yes/no/YES, some NA) and gaps in
/// a numeric column (<c>total_charges</c>), so their ONNX nodes are scored on every kind of value.
/// </summary>
internal static class TelcoSample
{
    /// <summary>The first <paramref name="rows"/> rows of <paramref name="telcoCsv"/>, edited as above, as CSV text.</summary>
    public static string Create(string telcoCsv, int rows = 200)
    {
        var lines = File.ReadLines(telcoCsv).Take(rows + 1).ToList();
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, $"\"{name}\"");
        var (partner, lines2, internet, contract, total) = (Column("partner"), Column("multiple_lines"), Column("internet_service"), Column("contract"), Column("total_charges"));
        string[] casings = ["\"Yes\"", "\"yes\"", "\"YES\""];
        var edited = lines.Skip(1).Select((line, row) =>
        {
            var cells = line.Split(',');
            cells[partner] = row % 11 == 3 ? "\"NA\"" : cells[partner] == "1" ? casings[row % 3] : row % 2 == 0 ? "\"no\"" : "\"No\"";
            cells[lines2] = row % 7 == 2 ? "\"NA\"" : cells[lines2];
            cells[internet] = row % 9 == 4 ? "\"?\"" : cells[internet];
            cells[contract] = row % 13 == 5 ? "\"\"" : cells[contract];
            cells[total] = row % 10 == 6 ? "NA" : cells[total];
            return string.Join(',', cells);
        });
        return string.Join('\n', edited.Prepend(lines[0])) + "\n";
    }
}
