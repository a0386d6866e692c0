using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using MLPipelines.Tuning.Search;

namespace MLPipelines.Spec.Declarations;

/// <summary>
/// Reads the <see cref="OptionAttribute"/> properties of an options class into <see cref="OptionDescriptor"/>s (what the
/// spec loader validates against and the schema and FORMAT.md are generated from), binds resolved YAML values onto a
/// new instance, reads an instance back as resolved values, and checks an instance built in code against the
/// declared ranges. One declaration per option: the property.
/// </summary>
/// <remarks>
/// Types: <see cref="int"/>/<see cref="long"/> -> Int (resolved as long), <see cref="double"/>/<see cref="float"/> ->
/// Float (double), <see cref="bool"/> -> Bool, <see cref="string"/> -> String (Enum when the attribute lists choices),
/// an enum -> Enum (snake_case names, <see cref="EnumNames"/>), a list of ints or doubles -> IntList / FloatList
/// (resolved as <c>List&lt;object&gt;</c> of long or double). A nullable property (<c>int?</c>, <c>string?</c>, ...) accepts
/// null, meaning "automatic". Defaults are the values of a fresh instance. Order: base class first, then source order.
/// </remarks>
public static class OptionDeclarations
{
    private static readonly ConcurrentDictionary<Type, Declared[]> Cache = new();

    /// <summary>The descriptors of <typeparamref name="TOptions"/>'s options, in declaration order.</summary>
    public static IReadOnlyList<OptionDescriptor> Of<TOptions>()
        where TOptions : new() => Of(typeof(TOptions));

    /// <summary>The descriptors of <paramref name="optionsType"/>'s options, in declaration order.</summary>
    /// <exception cref="InvalidOperationException">A property's type cannot be an option, or the class has no public parameterless constructor.</exception>
    public static IReadOnlyList<OptionDescriptor> Of(Type optionsType) => [.. Declare(optionsType).Select(d => d.Descriptor)];

    /// <summary>A new <typeparamref name="TOptions"/> with <paramref name="values"/> (resolved YAML values) set; absent keys keep their defaults.</summary>
    /// <exception cref="ArgumentException">A key is not an option of the class.</exception>
    public static TOptions Bind<TOptions>(IReadOnlyDictionary<string, object?> values)
        where TOptions : new() => (TOptions)Bind(typeof(TOptions), values);

    /// <summary>A new instance of <paramref name="optionsType"/> with <paramref name="values"/> set.</summary>
    /// <exception cref="ArgumentException">A key is not an option of the class.</exception>
    public static object Bind(Type optionsType, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var declared = Declare(optionsType);
        var options = Activator.CreateInstance(optionsType)!;
        foreach (var (name, value) in values)
        {
            var option = declared.FirstOrDefault(d => d.Descriptor.Name == name)
                ?? throw new ArgumentException($"'{name}' is not an option of {optionsType.Name}; its options are {string.Join(", ", declared.Select(d => d.Descriptor.Name))}.", nameof(values));
            option.Property.SetValue(options, ToProperty(value, option.Property.PropertyType, name));
        }

        return options;
    }

    /// <summary>Every option of <paramref name="options"/> as a resolved value (the inverse of <see cref="Bind"/>), in declaration order.</summary>
    public static Dictionary<string, object?> Values(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var d in Declare(options.GetType()))
        {
            values[d.Descriptor.Name] = ToResolved(d.Property.GetValue(options));
        }

        return values;
    }

    /// <summary>
    /// The options of <paramref name="options"/> outside their declared range (for options built in code; YAML values
    /// were checked when the spec was read), as (option, message) pairs worded like the spec loader's.
    /// </summary>
    public static IEnumerable<(string Option, string Message)> RangeErrors(object options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var d in Declare(options.GetType()))
        {
            var descriptor = d.Descriptor;
            var value = d.Property.GetValue(options);
            if (value is null)
            {
                if (!descriptor.Nullable)
                {
                    yield return (descriptor.Name, "must have a value");
                }

                continue;
            }

            var numbers = value switch
            {
                System.Collections.IEnumerable list when value is not string => list.Cast<object>().Select(Number),
                int or long or double or float => [Number(value)],
                _ => [],
            };
            foreach (var number in numbers)
            {
                if (descriptor.RangeError(number) is { } message)
                {
                    yield return (descriptor.Name, message);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The search space <c>tune: true</c> uses: every option of <paramref name="options"/> with a
    /// <see cref="OptionDescriptor.Search"/>, in drawing order, each with its source; null when none has one.
    /// </summary>
    public static SearchSpace? SearchSpaceOf(IReadOnlyList<OptionDescriptor> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var searched = options.Where(o => o.Search is not null).OrderBy(o => o.SearchOrder).ToList(); // stable: ties keep declaration order
        return searched.Count == 0
            ? null
            : new SearchSpace(searched.Select(o => new SearchDimension(o.Name, o.Search!) { Source = o.SearchSource }));
    }

    /// <summary>The option successive halving scales (<see cref="OptionAttribute.Resource"/>); null when none is marked.</summary>
    /// <exception cref="InvalidOperationException">More than one option is marked.</exception>
    public static string? ResourceOf(IReadOnlyList<OptionDescriptor> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var marked = options.Where(o => o.Resource).Select(o => o.Name).ToList();
        return marked.Count <= 1
            ? marked.FirstOrDefault()
            : throw new InvalidOperationException($"Only one option can be the resource; marked: {string.Join(", ", marked)}.");
    }

    private static double Number(object value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private static Declared[] Declare(Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        return Cache.GetOrAdd(optionsType, static type =>
        {
            var defaults = Activator.CreateInstance(type)
                ?? throw new InvalidOperationException($"{type.Name} needs a public parameterless constructor to declare options.");
            var nullability = new NullabilityInfoContext();
            return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<OptionAttribute>()))
                .Where(p => p.Attribute is not null)
                .OrderBy(p => Depth(p.Property.DeclaringType!))
                .ThenBy(p => p.Attribute!.Order)
                .Select(p => new Declared(p.Property, Describe(p.Property, p.Attribute!, defaults, nullability)))];
        });
    }

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            depth++;
        }

        return depth;
    }

    private static OptionDescriptor Describe(PropertyInfo property, OptionAttribute attribute, object defaults, NullabilityInfoContext nullability)
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null || (!type.IsValueType && nullability.Create(property).WriteState == NullabilityState.Nullable);
        var core = underlying ?? type;
        var (kind, allowed) = KindOf(core, attribute, property);
        var search = property.GetCustomAttribute<SearchAttribute>();
        return new OptionDescriptor(attribute.Name, kind, ToResolved(property.GetValue(defaults)), attribute.Description)
        {
            Min = double.IsNaN(attribute.Min) ? null : attribute.Min,
            Max = double.IsNaN(attribute.Max) ? null : attribute.Max,
            MinExclusive = attribute.MinExclusive,
            MaxExclusive = attribute.MaxExclusive,
            Allowed = allowed,
            Nullable = nullable,
            Tasks = attribute.Tasks,
            Scale = attribute.Scale,
            Search = search is null ? null : Distribution(search, property),
            SearchSource = search?.Source ?? "",
            SearchOrder = search?.DrawOrder ?? 0,
            Resource = attribute.Resource,
        };
    }

    private static SearchDistribution Distribution(SearchAttribute search, PropertyInfo property)
    {
        if (search.Choices.Count > 0)
        {
            return new ChoiceDistribution(search.Choices.Select(ToResolved));
        }

        return search.Kind switch
        {
            SearchKind.Uniform => new UniformDistribution(search.Low, search.High),
            SearchKind.LogUniform => new LogUniformDistribution(search.Low, search.High),
            SearchKind.IntUniform => new IntUniformDistribution(checked((long)search.Low), checked((long)search.High)),
            SearchKind.IntLogUniform => new IntLogUniformDistribution(checked((long)search.Low), checked((long)search.High)),
            _ => throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: unknown search kind {search.Kind}."),
        };
    }

    private static (OptionKind Kind, IReadOnlyList<string> Allowed) KindOf(Type type, OptionAttribute attribute, PropertyInfo property)
    {
        if (type.IsEnum)
        {
            return (OptionKind.Enum, EnumNames.All(type));
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return (OptionKind.Int, []);
        }

        if (type == typeof(double) || type == typeof(float))
        {
            return (OptionKind.Float, []);
        }

        if (type == typeof(bool))
        {
            return (OptionKind.Bool, []);
        }

        if (type == typeof(string))
        {
            var choices = attribute.ChoicesFrom is { } source ? NamesOf(source) : attribute.Choices;
            return choices.Count > 0 ? (OptionKind.Enum, choices) : (OptionKind.String, []);
        }

        if (ElementOf(type) is { } element && (element == typeof(int) || element == typeof(long)))
        {
            return (OptionKind.IntList, []);
        }

        if (ElementOf(type) is { } floats && (floats == typeof(double) || floats == typeof(float)))
        {
            return (OptionKind.FloatList, []);
        }

        throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: type {type.Name} cannot be an option.");
    }

    private static IReadOnlyList<string> NamesOf(Type source) =>
        source.GetProperty("Names", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IEnumerable<string> is { } names
            ? [.. names]
            : throw new InvalidOperationException($"{source.Name} has no public static Names property listing the choices.");

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element]
            && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) ? element
        : null;

    /// <summary>A property value as a resolved option value.</summary>
    private static object? ToResolved(object? value) => value switch
    {
        null => null,
        Enum e => EnumNames.Of(e),
        int i => (long)i,
        float f => (double)f,
        string or bool or long or double => value,
        System.Collections.IEnumerable list => list.Cast<object>().Select(ToResolved).ToList(),
        _ => value,
    };

    /// <summary>A resolved option value (or an equivalent number) as a value of a property of <paramref name="type"/>.</summary>
    private static object? ToProperty(object? value, Type type, string name)
    {
        if (value is null)
        {
            return null;
        }

        var core = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (core.IsEnum)
            {
                return EnumNames.Parse(core, (string)value);
            }

            if (ElementOf(core) is { } element && core != typeof(string))
            {
                var items = ((System.Collections.IEnumerable)value).Cast<object>()
                    .Select(v => Convert.ChangeType(v, element, CultureInfo.InvariantCulture)).ToArray();
                var array = Array.CreateInstance(element, items.Length);
                for (var i = 0; i < items.Length; i++)
                {
                    array.SetValue(items[i], i);
                }

                return core.IsArray || core.IsAssignableFrom(array.GetType())
                    ? array
                    : Activator.CreateInstance(typeof(List<>).MakeGenericType(element), array);
            }

            if (core == typeof(int))
            {
                return checked((int)Convert.ToInt64(value, CultureInfo.InvariantCulture));
            }

            return Convert.ChangeType(value, core, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new ArgumentException($"Option '{name}' cannot hold {value} ({value.GetType().Name}).", nameof(value), e);
        }
    }

    private sealed record Declared(PropertyInfo Property, OptionDescriptor Descriptor);
}
