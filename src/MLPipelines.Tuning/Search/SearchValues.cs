using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MLPipelines.Tuning.Search;

/// <summary>Option values as searches handle them: one canonical type per kind, deep equality and a stable text form.</summary>
public static class SearchValues
{
    /// <summary>
    /// The canonical form of <paramref name="value"/>: integers as <see cref="long"/>, other numbers as
    /// <see cref="double"/>, lists (anything enumerable but text) as a fresh <c>List&lt;object&gt;</c> of canonical
    /// values; text, booleans and null unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">A value of another type (options cannot hold it).</exception>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or bool or long or double => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        float f => (double)f,
        decimal m => (double)m,
        IEnumerable items => items.Cast<object?>().Select(Normalize).ToList(),
        _ => throw new ArgumentException($"An option value cannot be a {value.GetType().Name}.", nameof(value)),
    };

    /// <summary>Deep equality of canonical values (a long and a double are different values).</summary>
    public static bool AreEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (IList x, IList y) when a is not string && b is not string => x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => AreEqual(x[i], y[i])),
        _ => Equals(a, b),
    };

    /// <summary>
    /// One-line text of a value, the same for equal values: numbers in round-trip invariant form, lists in
    /// brackets, text bare when it is a plain word and JSON-quoted otherwise. Used for trial keys and reports.
    /// </summary>
    public static string Format(object? value)
    {
        var text = new StringBuilder();
        Append(text, value);
        return text.ToString();
    }

    /// <summary>
    /// Short text of a value for logs and reports: like <see cref="Format"/>, but numbers other than integers with
    /// four significant digits (<c>0.002654</c>, not <c>0.0026543073898582</c>).
    /// </summary>
    public static string Display(object? value) => value switch
    {
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object?>().Select(Display)) + "]",
        _ => Format(value),
    };

    /// <summary>Guards a numeric range: finite bounds, low &lt; high, positive when a logarithm is taken.</summary>
    internal static void CheckBounds(double low, double high, bool strictlyPositive)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new ArgumentOutOfRangeException(nameof(low), $"Bounds must be finite numbers, got [{low}, {high}].");
        }

        if (strictlyPositive && low <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(low), low, "A log-uniform range needs a positive lower bound.");
        }

        if (high <= low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"The upper bound must be greater than the lower bound ({low}).");
        }
    }

    private static void Append(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case string s:
                text.Append(IsPlain(s) ? s : JsonSerializer.Serialize(s));
                break;
            case double d:
                text.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case IFormattable number:
                text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items:
                text.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    text.Append(first ? "" : ", ");
                    Append(text, item);
                    first = false;
                }

                text.Append(']');
                break;
            default:
                text.Append(value);
                break;
        }
    }

    private static bool IsPlain(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
        && !char.IsAsciiDigit(s[0]) && s[0] is not '-' and not '.'
        && s is not "true" and not "false" and not "null";
}
