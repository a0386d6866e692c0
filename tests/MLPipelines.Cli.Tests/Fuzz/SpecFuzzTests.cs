using System.Text;
using CsCheck;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// <c>mlpipe validate</c> on mutated pipeline and experiment specs (tabular, idx, folders, csv_pixels, experiment):
/// exit 0, or exit 2 with every problem at <c>file:line:col</c>; never exit 1, a stack trace or a hang.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class SpecFuzzTests(ITestOutputHelper output)
{
    private static readonly TextMutator Mutator = new(FuzzValues.Scalars, FuzzValues.Lines);

    [Fact]
    public void Validate_MutatedSpecs_ExitZeroOrTwoWithFileLineColumn()
    {
        var fixture = FuzzFixture.Shared;
        var kinds = fixture.Specs.Keys.Order(StringComparer.Ordinal).ToArray();
        var gen = Gen.Select(Gen.Int[0, kinds.Length - 1], Gene.Many(1, 3), Gen.Int[0, 15]);

        var summary = FuzzRunner.Run("spec", gen, FuzzBudget.Cases(400, 10_000), (value, folder) =>
        {
            var (kind, genes, bytes) = value;
            var spec = Path.Combine(folder, "fz.yaml");
            var text = Mutator.Apply(fixture.Specs[kinds[kind]], genes);
            if (bytes == 0)
            {
                File.WriteAllBytes(spec, ByteMutator.Apply(Encoding.UTF8.GetBytes(text), genes.Take(2)));
            }
            else
            {
                FuzzFiles.Write(spec, text);
            }

            return new FuzzCase(["validate", spec], spec);
        }, TimeSpan.FromSeconds(30));

        output.WriteLine(summary.ToString());
        Assert.True(summary.Failures.Count == 0, summary.ToString());
    }
}
