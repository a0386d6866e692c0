namespace MLPipelines.Trainers.Mlp.Plugin;

/// <summary>YAML spellings of the MLP's enum options (snake_case), both ways.</summary>
internal static class MlpEnumNames
{
    /// <summary>The YAML name of <paramref name="value"/>: <c>LeakyRelu</c> -&gt; <c>leaky_relu</c>, <c>AdamW</c> -&gt; <c>adamw</c>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        if (name == nameof(MlpOptimizer.AdamW))
        {
            return "adamw";
        }

        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                chars.Add('_');
            }

            chars.Add(char.ToLowerInvariant(name[i]));
        }

        return new string([.. chars]);
    }

    /// <summary>Every YAML name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(Of)];

    /// <summary>The value whose YAML name is <paramref name="name"/> (names were validated by the spec loader).</summary>
    public static T Parse<T>(string name)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Of(v!.Value) == name)
        ?? throw new ArgumentException($"'{name}' is not one of {string.Join(", ", All<T>())}.", nameof(name));
}
