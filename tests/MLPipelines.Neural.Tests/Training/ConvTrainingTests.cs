using MLPipelines.Neural.Augmentation;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Losses;
using MLPipelines.Neural.Metrics;
using MLPipelines.Neural.Networks;
using MLPipelines.Neural.Optimizers;
using MLPipelines.Neural.Schedules;
using MLPipelines.Neural.Tensors;
using MLPipelines.Neural.Training;

namespace MLPipelines.Neural.Tests.Training;

[Collection(nameof(SerialCollection))]
public sealed class ConvTrainingTests
{
    private static Network TinyConvNet(TensorShape input, int classes, int seed) =>
        new Network(input)
            .Add(new Conv2D(8, padding: 1)).Add(new BatchNorm2D()).Add(new Relu()).Add(new MaxPool2D())
            .Add(new Conv2D(8, padding: 1, useBias: false)).Add(new BatchNorm2D()).Add(new Relu()).Add(new MaxPool2D())
            .Add(new Flatten()).Add(new Dense(16)).Add(new Relu()).Add(new Dropout(0.1f)).Add(new Dense(classes)).Build(seed);

    private static TrainingOptions Options(int threads, int epochs, IBatchAugmentation? augmentation = null) =>
        new() { Epochs = epochs, BatchSize = 32, Seed = 3, Threads = threads, Augmentation = augmentation };

    [Fact]
    public void NetworkTrainer_ConvNet_LearnsPatchPositions()
    {
        // Given 4 classes told apart by where a bright patch sits in a noisy 12x12 image
        var train = ImageData.Patches(400, 1, 12, 4, seed: 1);
        var test = ImageData.Patches(200, 1, 12, 4, seed: 2);
        var net = TinyConvNet(train.FeatureShape, 4, seed: 1);
        var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new AdamW(), new OneCycleSchedule(1e-2f), Options(2, 6), new Accuracy());

        // When trained for a few epochs
        var history = trainer.Fit(train);

        // Then the loss falls and held-out accuracy is high
        Assert.True(history.Epochs[^1].TrainLoss < history.Epochs[0].TrainLoss / 2, $"loss {history.Epochs[0].TrainLoss} -> {history.Epochs[^1].TrainLoss}");
        Assert.True(trainer.Evaluate(test).Metric >= 0.9, $"test accuracy {trainer.Evaluate(test).Metric}");
    }

    [Fact]
    public void NetworkTrainer_ConvNetWithAugmentation_IsBitIdenticalWithOneAndTwoThreads()
    {
        var data = ImageData.Patches(150, 2, 10, 4, seed: 3);
        float[][] Train(int threads)
        {
            var net = TinyConvNet(data.FeatureShape, 4, seed: 5);
            var augmentation = new ImageAugmentation(new ImageAugmentationOptions { CropPadding = 2, HorizontalFlip = true, ErasingProbability = 0.3f }, 7);
            new NetworkTrainer(net, new SoftmaxCrossEntropy(0.1f), new AdamW(), new CosineSchedule(3e-3f, 0.1), Options(threads, 2, augmentation)).Fit(data);
            return [.. net.Parameters.Select(p => p.Value).Concat(net.Layers.SelectMany(l => l.Buffers))];
        }

        var one = Train(1);
        var two = Train(2);

        for (var i = 0; i < one.Length; i++)
        {
            Assert.Equal(one[i], two[i]);
        }
    }

    [Fact]
    public void NetworkTrainer_ConvNetWithAugmentation_AllocatesNothingPerStep()
    {
        var data = ImageData.Patches(320, 1, 8, 4, seed: 4);
        long Allocated(int epochs)
        {
            var net = TinyConvNet(data.FeatureShape, 4, seed: 1);
            var augmentation = new ImageAugmentation(new ImageAugmentationOptions { CropPadding = 1, HorizontalFlip = true, ErasingProbability = 0.5f }, 1);
            var trainer = new NetworkTrainer(net, new SoftmaxCrossEntropy(), new AdamW(), new ConstantSchedule(1e-3f), Options(1, epochs, augmentation));
            var before = GC.GetAllocatedBytesForCurrentThread();
            trainer.Fit(data);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(1); // JIT warm-up

        // 2 vs 6 epochs of 10 steps each: the 40 extra steps allocate (almost) nothing. The smallest of three
        // differences counts: tiered JIT promotions, which other tests running in parallel delay, can allocate
        // on this thread once in a while, per-step allocations would show in every difference.
        var differences = Enumerable.Range(0, 3).Select(_ => (Two: Allocated(2), Six: Allocated(6))).ToArray();

        var (two, six) = differences.MinBy(d => d.Six - d.Two);
        Assert.True(six - two < 4096, $"2 epochs allocated {two} B, 6 epochs {six} B");
    }

    [Theory]
    [InlineData("default")]
    [InlineData("reference")]
    [InlineData("small")]
    public void CnnPresets_Create_BuildsForMnistShapedImages(string name)
    {
        var net = CnnPresets.Create(name, new TensorShape(1, 28, 28), 10).Build(1);

        Assert.Equal(TensorShape.Vector(10), net.OutputShape);
        var y = net.Predict(new float[2 * 784], 2);
        Assert.Equal(20, y.Length);
    }

    [Fact]
    public void CnnPresets_Create_RejectsUnknownNameListingTheKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => CnnPresets.Create("resnet50", new TensorShape(1, 28, 28), 10));
        Assert.Contains("default, reference, small, resnet", ex.Message);
    }
}
