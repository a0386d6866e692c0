using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Training;

namespace MLPipelines.Neural.Tests.Training;

public sealed class NetworkTrainerTests
{
    private static Network Mlp(int inputs, int hidden, int outputs, int seed, float dropout = 0f, bool batchNorm = false)
    {
        var net = new Network(inputs).Add(new Dense(hidden));
        if (batchNorm)
        {
            net.Add(new BatchNorm());
        }

        net.Add(new Relu());
        if (dropout > 0)
        {
            net.Add(new Dropout(dropout));
        }

        return net.Add(new Dense(hidden)).Add(new Relu()).Add(new Dense(outputs)).Build(seed);
    }

    [Fact]
    public void NetworkTrainer_Fit_LearnsXor()
    {
        var net = Mlp(2, 16, 2, seed: 1);
        var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new Adam(), new ConstantSchedule(0.05f),
            new TrainingOptions { Epochs = 300, BatchSize = 4, Seed = 1 }, new Accuracy());

        var history = trainer.Fit(TrainingData.Xor());

        Assert.Equal(1.0, history.Epochs[^1].TrainMetric);
        Assert.True(history.Epochs[^1].TrainLoss < 0.05, $"final loss {history.Epochs[^1].TrainLoss}");
        var p = net.Predict([0, 0, 0, 1, 1, 0, 1, 1], 4);
        Assert.True(p[0] > p[1] && p[3] > p[2] && p[5] > p[4] && p[6] > p[7]);
    }

    [Fact]
    public void NetworkTrainer_Fit_LearnsSpiral()
    {
        var data = TrainingData.Spiral(100, seed: 3);
        var net = Mlp(2, 32, 2, seed: 2);
        var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new AdamW(weightDecay: 1e-4f),
            new CosineSchedule(0.02f, 0.05), new TrainingOptions { Epochs = 150, BatchSize = 16, Seed = 2 }, new Accuracy());

        var history = trainer.Fit(data);

        Assert.True(history.Epochs[0].TrainLoss > 3 * history.Epochs[^1].TrainLoss, "loss should fall a lot");
        Assert.True(trainer.Evaluate(data).Metric >= 0.97, $"accuracy {trainer.Evaluate(data).Metric}");
    }

    [Fact]
    public void NetworkTrainer_Fit_IsBitIdenticalWithOneAndTwoThreads()
    {
        // Hidden 192 x batch 128 puts the GEMMs above the size where the kernel goes parallel (4 MFLOP).
        var data = TrainingData.Blobs(640, 16, 5, seed: 4);
        float[][] Train(int threads)
        {
            var net = Mlp(16, 192, 5, seed: 7, dropout: 0.1f, batchNorm: true);
            new NetworkTrainer(net, new SoftmaxCrossEntropy(0.1f), new AdamW(), new OneCycleSchedule(0.01f),
                new TrainingOptions { Epochs = 2, BatchSize = 128, Seed = 9, Threads = threads, ValidationFraction = 0.2 }).Fit(data);
            return [.. net.Parameters.Select(p => p.Value)];
        }

        var one = Train(1);
        var two = Train(2);

        for (var i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i], two[i]);
        }
    }

    [Fact]
    public void NetworkTrainer_Fit_SameSeedSameWeightsOtherSeedOtherWeights()
    {
        var data = TrainingData.Blobs(200, 4, 3, seed: 4);
        float[] Train(int seed)
        {
            var net = Mlp(4, 8, 3, seed: 1);
            new NetworkTrainer(net, new SoftmaxCrossEntropy(), new Sgd(0.9f), new ConstantSchedule(0.05f),
                new TrainingOptions { Epochs = 2, BatchSize = 16, Seed = seed }).Fit(data);
            return net.Parameters[0].Value;
        }

        Assert.Equal(Train(1), Train(1));
        Assert.NotEqual(Train(1), Train(2));
    }

    [Fact]
    public void NetworkTrainer_Fit_StopsWithClearMessageWhenLossBecomesNaN()
    {
        var data = TrainingData.Blobs(200, 4, 3, seed: 4);
        for (var i = 0; i < data.Features.Length; i++)
        {
            data.Features[i] *= 1e4f;
        }

        var net = Mlp(4, 8, 3, seed: 1);
        var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new Sgd(), new ConstantSchedule(1e6f),
            new TrainingOptions { Epochs = 20, BatchSize = 16 });

        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(data));

        Assert.Matches("^loss became (NaN|infinite) at epoch [0-9]+; try a lower learning_rate", ex.Message);
        Assert.InRange(ex.Epoch, 1, 20);
    }

    [Fact]
    public void NetworkTrainer_Fit_EarlyStoppingRestoresTheBestEpoch()
    {
        // A tiny, noisy training set and a large learning rate: validation loss bottoms out early, then rises.
        var all = TrainingData.Blobs(400, 8, 3, seed: 5);
        var train = all.Subset([.. Enumerable.Range(0, 40)]);
        for (var i = 0; i < train.Rows; i++)
        {
            train.Targets[i] = (train.Targets[i] + (i % 3 == 0 ? 1 : 0)) % 3; // label noise to overfit on
        }

        var valid = all.Subset([.. Enumerable.Range(40, 360)]);
        var net = Mlp(8, 64, 3, seed: 3);
        var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new Adam(), new ConstantSchedule(0.01f),
            new TrainingOptions { Epochs = 200, BatchSize = 8, EarlyStopping = true, Patience = 5 });
        var captured = new List<EpochRecord>();

        var history = trainer.Fit(train, valid, captured.Add);

        Assert.True(history.StoppedEarly);
        var best = history.Epochs.MinBy(e => e.ValidationLoss!.Value)!;
        Assert.Equal(best.Epoch, history.BestEpoch);
        Assert.Equal(best.Epoch + 5, history.Epochs[^1].Epoch);
        Assert.Equal(best.ValidationLoss!.Value, trainer.Evaluate(valid).Loss, 9);
        Assert.Equal(history.Epochs, captured);
    }

    [Fact]
    public void NetworkTrainer_Fit_ThrowsWhenCancelled()
    {
        using var cts = new CancellationTokenSource();
        var net = Mlp(4, 8, 3, seed: 1);
        var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new Sgd(), new ConstantSchedule(0.01f),
            new TrainingOptions { Epochs = 50, BatchSize = 16 });

        Assert.Throws<OperationCanceledException>(() =>
            trainer.Fit(TrainingData.Blobs(200, 4, 3, 1), null, e => { if (e.Epoch == 2) { cts.Cancel(); } }, cts.Token));
    }

    [Fact]
    public void NetworkTrainer_Fit_RecordsValidationCurveFromFraction()
    {
        var net = Mlp(4, 8, 3, seed: 1);
        var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new AdamW(), new ConstantSchedule(0.01f),
            new TrainingOptions { Epochs = 4, BatchSize = 16, ValidationFraction = 0.25, RestoreBestEpoch = false }, new Accuracy());

        var history = trainer.Fit(TrainingData.Blobs(200, 4, 3, 1));

        Assert.Equal(4, history.Epochs.Count);
        Assert.All(history.Epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.All(history.Epochs, e => Assert.InRange(e.ValidationMetric!.Value, 0, 1));
        Assert.Equal("accuracy", history.MetricName);
        Assert.Equal(4, history.BestEpoch);
    }

    [Fact]
    public void NetworkTrainer_Fit_RejectsEarlyStoppingWithoutValidation()
    {
        var net = Mlp(4, 8, 3, seed: 1);
        var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new Sgd(), new ConstantSchedule(0.01f),
            new TrainingOptions { EarlyStopping = true });

        var ex = Assert.Throws<ArgumentException>(() => trainer.Fit(TrainingData.Blobs(50, 4, 3, 1)));
        Assert.Contains("validation", ex.Message);
    }

    [Fact]
    public void NetworkTrainer_Fit_RegressionWithHuberReducesRmse()
    {
        var r = new Random(1);
        var x = new float[300 * 3];
        var y = new float[300];
        for (var i = 0; i < 300; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                x[(i * 3) + j] = (float)((r.NextDouble() * 2) - 1);
            }

            y[i] = (x[i * 3] * 2) - x[(i * 3) + 1] + (x[(i * 3) + 2] * x[(i * 3) + 2]);
        }

        var net = new Network(3).Add(new Dense(32)).Add(new Gelu()).Add(new LayerNorm()).Add(new Dense(1)).Build(1);
        var trainer = new NetworkTrainer(net, new HuberLoss(), new AdamW(), new CosineSchedule(0.01f),
            new TrainingOptions { Epochs = 60, BatchSize = 32 }, new RootMeanSquaredError());

        var history = trainer.Fit(new Dataset(x, y, 3));

        Assert.True(history.Epochs[^1].TrainMetric < 0.2, $"rmse {history.Epochs[^1].TrainMetric}");
    }

    [Fact]
    public void Dataset_SplitStratified_KeepsEachClassShare()
    {
        // 100 rows of class 0 and 10 of class 1; 20% validation: 20 + 2 rows, vs. possibly 0 of class 1 unstratified.
        var y = Enumerable.Range(0, 110).Select(i => i < 100 ? 0f : 1f).ToArray();
        var data = new Dataset(new float[110], y, 1);

        var (train, valid) = data.Split(0.2, seed: 1, stratify: true);

        Assert.Equal(22, valid.Rows);
        Assert.Equal(2, valid.Targets.Count(t => t == 1f));
        Assert.Equal(8, train.Targets.Count(t => t == 1f));
    }

    [Fact]
    public void NetworkTrainer_Fit_MergesALastSingleRowBatchSoBatchNormTrains()
    {
        // 65 rows in batches of 16: the last batch would hold one row, which batch norm cannot normalize.
        var net = new Network(4).Add(new Dense(8)).Add(new BatchNorm()).Add(new Relu()).Add(new Dense(3)).Build(1);
        var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new Adam(), new ConstantSchedule(1e-2f),
            new TrainingOptions { Epochs = 2, BatchSize = 16 });

        var history = trainer.Fit(TrainingData.Blobs(65, 4, 3, 1));

        Assert.Equal(2, history.Epochs.Count);
        Assert.True(double.IsFinite(history.Epochs[^1].TrainLoss));
    }
}
