namespace MLPipelines.Spec.Declarations;

/// <summary>
/// YAML spellings of enum values, both ways: PascalCase becomes snake_case where a capital starts a new word
/// (<c>LeakyRelu</c> -&gt; <c>leaky_relu</c>, <c>OneCycle</c> -&gt; <c>one_cycle</c>); a trailing capital stays in the word
/// (<c>AdamW</c> -&gt; <c>adamw</c>).
/// </summary>
public static class EnumNames
{
    /// <summary>The YAML name of <paramref name="value"/>.</summary>
    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && i + 1 < name.Length && char.IsLower(name[i + 1]))
            {
                chars.Add('_');
            }

            chars.Add(char.ToLowerInvariant(name[i]));
        }

        return new string([.. chars]);
    }

    /// <summary>Every YAML name of <paramref name="type"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return [.. Enum.GetValues(type).Cast<Enum>().Select(Of)];
    }

    /// <summary>Every YAML name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => All(typeof(T));

    /// <summary>The value of <paramref name="type"/> whose YAML name is <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No value has that name.</exception>
    public static Enum Parse(Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Enum.GetValues(type).Cast<Enum>().FirstOrDefault(v => Of(v) == name)
            ?? throw new ArgumentException($"'{name}' is not one of {string.Join(", ", All(type))}.", nameof(name));
    }

    /// <summary>The value of <typeparamref name="T"/> whose YAML name is <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No value has that name.</exception>
    public static T Parse<T>(string name)
        where T : struct, Enum => (T)Parse(typeof(T), name);
}
