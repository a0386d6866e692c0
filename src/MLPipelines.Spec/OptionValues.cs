using System.Globalization;

namespace MLPipelines.Spec;

/// <summary>
/// Typed reads of resolved option dictionaries (<see cref="ModelSpec.Options"/>, <see cref="PreprocessingStepSpec.Options"/>,
/// the dictionary a trainer receives). Values were type-checked when
/// the spec was loaded, so a mismatch here is a programming error and throws <see cref="InvalidOperationException"/>.
/// </summary>
public static class OptionValues
{
    /// <summary>An Int option as <see cref="int"/> (checked: the descriptor's range must fit).</summary>
    public static int GetInt32(this IReadOnlyDictionary<string, object?> options, string name) =>
        checked((int)GetInt64(options, name));

    /// <summary>An Int option.</summary>
    public static long GetInt64(this IReadOnlyDictionary<string, object?> options, string name) =>
        Get(options, name) switch
        {
            long value => value,
            int value => value,
            var other => throw Mismatch(name, "an integer", other),
        };

    /// <summary>A Float option (an integer value is widened).</summary>
    public static double GetDouble(this IReadOnlyDictionary<string, object?> options, string name) =>
        Get(options, name) switch
        {
            double value => value,
            float value => value,
            long value => value,
            int value => value,
            var other => throw Mismatch(name, "a number", other),
        };

    /// <summary>A Bool option.</summary>
    public static bool GetBool(this IReadOnlyDictionary<string, object?> options, string name) =>
        Get(options, name) is bool value ? value : throw Mismatch(name, "true or false", Get(options, name));

    /// <summary>A String or Enum option.</summary>
    public static string GetString(this IReadOnlyDictionary<string, object?> options, string name) =>
        Get(options, name) is string value ? value : throw Mismatch(name, "a string", Get(options, name));

    /// <summary>A nullable option ("automatic" when null): the value, or null.</summary>
    public static T? GetNullable<T>(this IReadOnlyDictionary<string, object?> options, string name)
        where T : struct =>
        Get(options, name) switch
        {
            null => null,
            T value => value,
            long value when typeof(T) == typeof(int) => (T)(object)checked((int)value),
            long value when typeof(T) == typeof(double) => (T)(object)(double)value,
            var other => throw Mismatch(name, typeof(T).Name, other),
        };

    /// <summary>An IntList option.</summary>
    public static IReadOnlyList<long> GetInt64List(this IReadOnlyDictionary<string, object?> options, string name) =>
        Get(options, name) is IEnumerable<object> items
            ? [.. items.Select(item => Convert.ToInt64(item, CultureInfo.InvariantCulture))]
            : throw Mismatch(name, "a list of integers", Get(options, name));

    /// <summary>A FloatList option.</summary>
    public static IReadOnlyList<double> GetDoubleList(this IReadOnlyDictionary<string, object?> options, string name) =>
        Get(options, name) is IEnumerable<object> items
            ? [.. items.Select(item => Convert.ToDouble(item, CultureInfo.InvariantCulture))]
            : throw Mismatch(name, "a list of numbers", Get(options, name));

    private static object? Get(IReadOnlyDictionary<string, object?> options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Option '{name}' is not in the resolved options ({string.Join(", ", options.Keys)}).");
    }

    private static InvalidOperationException Mismatch(string name, string expected, object? actual) =>
        new($"Option '{name}' should be {expected} but holds {actual ?? "null"} ({actual?.GetType().Name ?? "null"}).");
}
