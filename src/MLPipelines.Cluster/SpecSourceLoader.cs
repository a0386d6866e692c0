using MLPipelines.Core.Runs;
using MLPipelines.Core.Trainers;
using MLPipelines.Spec;
using MLPipelines.Spec.Experiments;

namespace MLPipelines.Cluster;

/// <summary>Loads the spec a <see cref="SpecSource"/> names, as the client's runner loaded it.</summary>
internal sealed class SpecSourceLoader(TrainerRegistry registry)
{
    public PipelineSpec Load(SpecSource source)
    {
        PipelineSpec spec;
        if (source.Dataset is null)
        {
            spec = new SpecLoader(registry).Load(source.Path);
        }
        else
        {
            var experiment = new ExperimentLoader(registry).Load(source.Path);
            spec = experiment.Datasets.FirstOrDefault(d => d.Name == source.Dataset)?.Pipeline
                ?? throw new ClusterException($"{source.Path}: has no dataset '{source.Dataset}' on this worker");
        }

        return source.Seed is { } seed ? spec.WithSeed(seed) : spec;
    }

    /// <summary>Cores a unit of model <paramref name="modelIndex"/> keeps busy: its <c>threads</c> option, all cores when automatic, 1 for a trainer without one.</summary>
    public int Threads(PipelineSpec spec, int modelIndex, int cores)
    {
        var model = spec.Models[modelIndex];
        if (!registry.TryGet(model.Trainer, out var plugin) || !plugin.Options.Any(o => o.Name == "threads"))
        {
            return 1;
        }

        return model.Options.GetValueOrDefault("threads") is long threads ? (int)Math.Min(threads, cores) : cores;
    }
}
