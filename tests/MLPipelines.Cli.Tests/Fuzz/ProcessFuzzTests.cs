using CsCheck;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>
/// A few mutated specs and tables through the real <c>mlpipe</c> process (exit code and standard error as a user
/// sees them; in-process cases cannot show a crash that kills the process, such as a stack overflow).
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class ProcessFuzzTests(ITestOutputHelper output)
{
    private static readonly TextMutator Mutator = new(FuzzValues.Scalars, FuzzValues.Lines);

    [Fact]
    public void RealProcess_MutatedSpecs_ExitZeroOrTwoWithFileLineColumn()
    {
        var fixture = FuzzFixture.Shared;
        var gen = Gen.Select(Gene.Many(1, 6), Gen.Int[0, 9]);

        var summary = FuzzRunner.Run("process", gen, FuzzBudget.Cases(4, 40), (value, folder) =>
        {
            var (genes, pick) = value;
            var spec = Path.Combine(folder, "fz.yaml");
            var text = pick == 0 ? $"name: deep\nmodels: {new string('[', 100_000)}\n" : Mutator.Apply(fixture.TabularSpec, genes);
            FuzzFiles.Write(spec, text);
            return new FuzzCase(["validate", spec], spec);
        }, TimeSpan.FromSeconds(120), inProcess: false);

        output.WriteLine(summary.ToString());
        Assert.True(summary.Failures.Count == 0, summary.ToString());
    }
}
