using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Training;

namespace MLPipelines.Neural.Tests.Training;

public sealed class EnsembleTrainingTests
{
    [Fact]
    public void NetworkTrainer_Ensemble_LearnsAndItsCurveIsTheEnsemblesPrediction()
    {
        // Given a 4-member TabM-like network on a 4-class problem, with a validation set
        var train = TrainingData.Blobs(600, 8, 4, seed: 12);
        var validation = TrainingData.Blobs(200, 8, 4, seed: 13);
        var net = new Network(8).Add(new EnsembleView(4))
            .Add(new BatchEnsembleDense(32)).Add(new Relu())
            .Add(new BatchEnsembleDense(32, inputInit: AdapterInitialization.Ones)).Add(new Relu())
            .Add(new EnsembleDense(4)).Build(2);
        var loss = new EnsembleLoss(new SoftmaxCrossEntropy(), 4);
        var trainer = new NetworkTrainer(net, loss, new AdamW(), new ConstantSchedule(3e-3f),
            new TrainingOptions { Epochs = 8, BatchSize = 64 }, new EnsembleMetric(new Accuracy(), 4, loss.Averaging));

        // When trained
        var history = trainer.Fit(train, validation);

        // Then the loss goes down, accuracy passes a bar, and the last validation point is the log loss and accuracy
        // of the members' mean probabilities on the validation rows
        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss);
        var outputs = net.Predict(validation.Features, validation.Rows);
        var combined = new float[validation.Rows * 4];
        EnsembleMean.Combine(outputs, validation.Rows, 4, 4, EnsembleAveraging.SoftmaxProbabilities, combined);
        double logLoss = 0;
        var correct = 0;
        for (var r = 0; r < validation.Rows; r++)
        {
            var row = combined.AsSpan(r * 4, 4).ToArray();
            var y = (int)validation.Targets[r];
            var lse = Math.Log(row.Sum(v => Math.Exp(v)));
            logLoss += (lse - row[y]) / validation.Rows;
            correct += Array.IndexOf(row, row.Max()) == y ? 1 : 0;
        }

        var best = history.Epochs[history.BestEpoch - 1];
        Assert.Equal(logLoss, best.ValidationLoss!.Value, 4);
        Assert.Equal((double)correct / validation.Rows, best.ValidationMetric!.Value, 6);
        Assert.True(best.ValidationMetric > 0.8, $"validation accuracy {best.ValidationMetric}");
    }
}
