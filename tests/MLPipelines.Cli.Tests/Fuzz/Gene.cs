using CsCheck;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>One mutation as three numbers: which operation, where (scaled to the input), which payload.</summary>
internal readonly record struct Gene(int Op, int At, int Pick)
{
    private static readonly Gen<Gene> One = Gen.Select(Gen.Int[0, 1 << 30], Gen.Int[0, 1 << 30], Gen.Int[0, 1 << 30], (op, at, pick) => new Gene(op, at, pick));

    /// <summary>Between <paramref name="min"/> and <paramref name="max"/> mutations.</summary>
    public static Gen<Gene[]> Many(int min, int max) => One.Array[min, max];

    /// <summary>A position in <c>[0, length]</c>.</summary>
    public int Position(int length) => length <= 0 ? 0 : At % (length + 1);

    /// <summary>An element of <paramref name="items"/>.</summary>
    public T Of<T>(IReadOnlyList<T> items) => items[Pick % items.Count];
}
