using MLPipelines.Core.Trainers;
using MLPipelines.Spec;
using MLPipelines.Spec.Declarations;
using MLPipelines.Trainers.Cnn.Plugin;
using MLPipelines.Trainers.Mlp.Plugin;
using MLPipelines.Tuning.Search;

namespace MLPipelines.Trainers.Tests.Tuning;

/// <summary>Every trainer's built-in search space is valid for that trainer: the spec loader accepts it written out.</summary>
public sealed class BuiltinSearchSpaceTests
{
    public static TheoryData<string> Trainers => [.. Registry().Names];

    [Theory]
    [MemberData(nameof(Trainers))]
    public void DefaultSearchSpace_EveryRangeIsInsideTheOptionsDeclaredRange(string trainer)
    {
        // Given the space written as a tune.space, when the spec loader reads it, then it accepts every range and
        // choice (bounds inside the declared range, the right distribution for the option's type) and the space reads back equal.
        Assert.True(Registry().TryGet(trainer, out var plugin));
        var space = Assert.IsType<SearchSpace>(plugin.DefaultSearchSpace);
        var folder = Path.Combine(Path.GetTempPath(), "mlpipe-space-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "data.csv"), "a,y\n1,0\n2,1\n");
        var entries = string.Join(", ", space.Dimensions.Select(d => $"{d.Name}: {d.Distribution}"));
        var yaml = $"name: t\ndata: {{path: data.csv, label: y}}\nmodels:\n  - {{trainer: {trainer}, tune: {{space: {{{entries}}}}}}}\n";

        // The CNN needs image data, which this table is not: that error is expected, any error about tune is not.
        var problems = new List<string>();
        try
        {
            var spec = new SpecLoader(Registry()).Parse(yaml, Path.Combine(folder, "x.yaml"), "x.yaml");
            Assert.Equal(space.Dimensions.Select(d => d.Distribution), spec.Models[0].Tune!.Space!.Dimensions.Select(d => d.Distribution));
        }
        catch (SpecException e)
        {
            problems.AddRange(e.Errors.Select(x => x.ToString()));
        }

        Assert.DoesNotContain(problems, p => p.Contains(".tune", StringComparison.Ordinal));
        Assert.True(problems.Count == 0 || plugin.NeedsImages, string.Join("\n", problems));
        Assert.All(space.Dimensions, d => Assert.False(string.IsNullOrWhiteSpace(d.Source), $"{trainer}.{d.Name} says where its range comes from"));
    }

    [Theory]
    [MemberData(nameof(Trainers))]
    public void ResourceOption_IsAnIntegerOptionOfTheTrainer(string trainer)
    {
        Assert.True(Registry().TryGet(trainer, out var plugin));
        if (plugin.ResourceOption is { } resource)
        {
            Assert.Equal(OptionKind.Int, Assert.Single(plugin.Options, o => o.Name == resource).Kind);
        }
    }

    private static TrainerRegistry Registry() => BuiltinTrainers.CreateRegistry().Register(new MlpTrainerPlugin()).Register(new CnnTrainerPlugin());
}
