using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLPipelines.Core.Trainers;
using MLPipelines.Results;
using MLPipelines.Spec.Declarations;

namespace MLPipelines.Core.Tests.Tuning;

/// <summary>
/// A real trainer (wrapped) that records which rows every fit is given: it reads the first feature slot, the
/// noise table's <c>tag</c> column (row r has r + 0.5), of every row it trains on before training.
/// </summary>
internal sealed class RecordingTrainer(ITrainerPlugin inner) : ITrainerPlugin
{
    public ConcurrentBag<int> TrainedRows { get; } = [];

    public int Fits => _fits;

    private int _fits;

    public string Name => inner.Name;

    public string Description => inner.Description;

    public string Family => inner.Family;

    public IReadOnlyList<TaskKind> Tasks => inner.Tasks;

    public IReadOnlyList<OptionDescriptor> Options => inner.Options;

    public IEnumerable<(string Option, string Message)> Validate(IReadOnlyDictionary<string, object?> options, TaskKind? task) => inner.Validate(options, task);

    public object Bind(IReadOnlyDictionary<string, object?> values) => inner.Bind(values);

    public IEstimator<ITransformer> CreateEstimator(TrainerContext context, object options) =>
        new Recorder(this, inner.CreateEstimator(context, options), context.FeatureColumn);

    private sealed class Recorder(RecordingTrainer owner, IEstimator<ITransformer> estimator, string features) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            Interlocked.Increment(ref owner._fits);
            foreach (var row in input.GetColumn<VBuffer<float>>(features))
            {
                owner.TrainedRows.Add((int)Math.Floor(row.GetItemOrDefault(0)));
            }

            return estimator.Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => estimator.GetOutputSchema(inputSchema);
    }
}
