namespace MLPipelines.Spec;

/// <summary>
/// "Did you mean" for misspelt keys, trainer names, option names, enum values and column names. Compares
/// case-insensitively with '-' read as '_', by optimal-string-alignment distance (edits: insert, delete, replace,
/// swap two neighbours), allowing 1 edit for names up to 4 characters, 2 up to 8, 3 beyond.
/// </summary>
public static class NameSuggester
{
    /// <summary>The closest candidate within the allowed distance, or null. Ties go to the earlier candidate.</summary>
    public static string? Suggest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        var wanted = Normalize(input);
        if (wanted.Length == 0)
        {
            return null;
        }

        var allowed = wanted.Length <= 4 ? 1 : wanted.Length <= 8 ? 2 : 3;
        string? best = null;
        var bestDistance = int.MaxValue;
        string? prefixMatch = null;
        foreach (var candidate in candidates)
        {
            var normalized = Normalize(candidate);
            var distance = Distance(wanted, normalized);
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }

            if (prefixMatch is null && wanted.Length >= 4 && normalized.StartsWith(wanted, StringComparison.Ordinal))
            {
                prefixMatch = candidate;
            }
        }

        return best ?? prefixMatch;
    }

    /// <summary><c>"; did you mean 'x'?"</c> when a candidate is close, else an empty string (ready to append).</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Suggest(input, candidates) is { } suggestion ? $"; did you mean '{suggestion}'?" : "";

    /// <summary>Optimal string alignment distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string Normalize(string name) => name.Trim().ToLowerInvariant().Replace('-', '_');
}
