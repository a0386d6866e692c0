using System.Globalization;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Trainers.Builtin;

/// <summary>
/// Reads resolved option values (<see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/>,
/// null) with the descriptor default when a key is absent, so plugins also work on option maps built in code.
/// </summary>
internal sealed class BuiltinOptionReader(IReadOnlyList<OptionDescriptor> descriptors, IReadOnlyDictionary<string, object?> values)
{
    public int Int(string name) => NullableInt(name) ?? throw Missing(name);

    public int? NullableInt(string name) => Value(name) switch
    {
        null => null,
        long l => checked((int)l),
        int i => i,
        double d when d == Math.Floor(d) => checked((int)d),
        var other => throw WrongType(name, other, "an integer"),
    };

    public double Float(string name) => NullableFloat(name) ?? throw Missing(name);

    public double? NullableFloat(string name) => Value(name) switch
    {
        null => null,
        double d => d,
        float f => f,
        long l => l,
        int i => i,
        var other => throw WrongType(name, other, "a number"),
    };

    public bool Bool(string name) => Value(name) switch
    {
        bool b => b,
        var other => throw WrongType(name, other, "true or false"),
    };

    public string String(string name) => Value(name) switch
    {
        string s => s,
        var other => throw WrongType(name, other, "a string"),
    };

    private object? Value(string name)
    {
        if (values.TryGetValue(name, out var value))
        {
            return value;
        }

        var descriptor = descriptors.FirstOrDefault(d => d.Name == name)
            ?? throw new InvalidOperationException($"Option '{name}' is not declared by this trainer.");
        return descriptor.Default;
    }

    private static InvalidOperationException Missing(string name) =>
        new($"Option '{name}' is null but this trainer needs a value.");

    private static ArgumentException WrongType(string name, object? value, string expected) =>
        new($"Option '{name}' must be {expected}, got {Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null"} ({value?.GetType().Name ?? "null"}).", nameof(value));
}
