using MLPipelines.Neural.Initializers;
using MLPipelines.Neural.Layers;
using MLPipelines.Neural.Networks;
using MLPipelines.Trainers.Mlp.Encoding;

namespace MLPipelines.Trainers.Mlp.Training;

/// <summary>
/// Builds the network for a fit:
/// <c>TabularInputEncoder -> [PeriodicEmbedding + ReLU on the numeric values] -> [Embedding of category codes]
/// -> (Dense -> activation -> Dropout) per hidden layer -> Dense(outputs)</c>.
/// </summary>
/// <remarks>
/// The periodic embedding comes before the categorical one so that its ReLU (the "R" of PLR) only meets values it
/// cannot change: one-hot slots (0/1) and category codes (non-negative integers) pass through it unchanged.
/// </remarks>
internal static class MlpNetworkFactory
{
    public static Network Create(MlpOptions options, InputEncoding encoding, int outputs, int seed)
    {
        var net = new Network(encoding.Width).Add(new TabularInputEncoder(encoding));
        var numeric = encoding.NumericSlots.Count;
        var embeddedNumericWidth = numeric;
        if (options.NumericEmbedding == MlpNumericEmbedding.Periodic && numeric > 0)
        {
            var periodic = new PeriodicEmbedding(options.PeriodicFrequencies, (float)options.PeriodicSigma, options.PeriodicDimension,
                [.. Enumerable.Range(0, numeric)]);
            net.Add(periodic).Add(new Relu());
            embeddedNumericWidth = numeric * periodic.FeatureWidth;
        }

        // One initialization chunk per input feature (TabM: one random adapter value per feature and member).
        var chunks = new List<int>(Enumerable.Repeat(embeddedNumericWidth / Math.Max(1, numeric), numeric));
        chunks.AddRange(Enumerable.Repeat(1, encoding.OneHotSlots.Count));
        if (encoding.EmbeddedBlocks.Count > 0)
        {
            var first = embeddedNumericWidth + encoding.OneHotSlots.Count;
            var columns = encoding.EmbeddedBlocks.Select((block, i) =>
            {
                var cardinality = block.Width + 1; // code 0 = no slot set (unseen or missing category)
                return new CategoricalColumn(first + i, cardinality, options.EmbeddingDimension ?? AutoEmbeddingDimension(cardinality));
            }).ToArray();
            net.Add(new Embedding(columns));
            chunks.AddRange(columns.Select(c => c.Dimension));
        }

        var initializer = options.Activation switch
        {
            MlpActivation.Selu => Initializer.LeCunNormal,
            MlpActivation.Tanh => Initializer.GlorotUniform,
            _ => Initializer.HeNormal,
        };
        if (options.EnsembleMembers > 1)
        {
            var periodic = options.NumericEmbedding == MlpNumericEmbedding.Periodic && numeric > 0;
            AddEnsemble(net, options, initializer, periodic, chunks);
            return net.Add(new EnsembleDense(outputs, Initializer.GlorotUniform)).Build(seed);
        }

        foreach (var width in options.HiddenLayers)
        {
            net.Add(new Dense(width, initializer)).Add(Activation(options.Activation));
            if (options.Dropout is > 0 and var dropout)
            {
                net.Add(new Dropout((float)dropout));
            }
        }

        return net.Add(new Dense(outputs, Initializer.GlorotUniform)).Build(seed);
    }

    /// <summary>
    /// TabM: <c>EnsembleView(k)</c>, then per hidden layer a shared weight with per-member adapters (all layers for
    /// <see cref="MlpEnsemble.Tabm"/>, the first layer's input scaling only for <see cref="MlpEnsemble.Mini"/>); the
    /// first input scaling starts random (one value per feature and member), every other adapter at one.
    /// </summary>
    private static void AddEnsemble(Network net, MlpOptions options, Initializer initializer, bool afterPeriodic, List<int> chunks)
    {
        var init = options.AdapterInit switch
        {
            MlpAdapterInit.RandomSigns => AdapterInitialization.RandomSigns,
            MlpAdapterInit.Normal => AdapterInitialization.Normal,
            _ => afterPeriodic ? AdapterInitialization.Normal : AdapterInitialization.RandomSigns,
        };
        net.Add(new EnsembleView(options.EnsembleMembers));
        for (var i = 0; i < options.HiddenLayers.Count; i++)
        {
            var full = options.Ensemble == MlpEnsemble.Tabm;
            var layer = i == 0
                ? new BatchEnsembleDense(options.HiddenLayers[i], inputScaling: true, outputScaling: full, memberBias: full, inputInit: init, initChunks: chunks, initializer: initializer)
                : new BatchEnsembleDense(options.HiddenLayers[i], inputScaling: full, outputScaling: full, memberBias: full, inputInit: AdapterInitialization.Ones, initializer: initializer);
            net.Add(layer).Add(Activation(options.Activation));
            if (options.Dropout is > 0 and var dropout)
            {
                net.Add(new Dropout((float)dropout));
            }
        }
    }

    /// <summary><c>min(16, round(1.6 * n^0.56))</c>, at least 2 (fast.ai's rule of thumb, capped for small tables).</summary>
    public static int AutoEmbeddingDimension(int categories) =>
        Math.Clamp((int)Math.Round(1.6 * Math.Pow(categories, 0.56)), 2, 16);

    private static Layer Activation(MlpActivation activation) => activation switch
    {
        MlpActivation.Relu => new Relu(),
        MlpActivation.LeakyRelu => new LeakyRelu(),
        MlpActivation.Gelu => new Gelu(),
        MlpActivation.Silu => new Silu(),
        MlpActivation.Selu => new Selu(),
        MlpActivation.Mish => new Mish(),
        _ => new Tanh(),
    };
}
