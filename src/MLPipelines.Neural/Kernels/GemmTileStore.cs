namespace MLPipelines.Neural.Kernels;

/// <summary>
/// How a micro-kernel writes its accumulated tile T (the partial product over one k-block) into C:
/// <c>C = alpha * T + beta * C</c> on the first k-block (C not read when <see cref="ReadC"/> is false),
/// <c>C = alpha * T + C</c> on later ones, and on the last k-block the epilogue: <c>+ bias</c>, then the activation.
/// </summary>
/// <remarks>
/// Every kernel (Vector512, Vector256, scalar) applies these steps with the same IEEE operations in the same
/// order, so an element of C has the same bits whichever kernel or tile position produced it.
/// </remarks>
internal readonly unsafe struct GemmTileStore
{
    public GemmTileStore(
        float alpha, float beta, bool readC, bool finish,
        float* columnBias, float* rowBias, GemmActivation activation, float leakySlope)
    {
        Alpha = alpha;
        Beta = beta;
        ReadC = readC;
        Finish = finish;
        ColumnBias = finish ? columnBias : null;
        RowBias = finish ? rowBias : null;
        Activation = finish ? activation : GemmActivation.None;
        LeakySlope = leakySlope;
    }

    /// <summary>Scale of the accumulated product (skipped when 1, which is exact).</summary>
    public float Alpha { get; }

    /// <summary>Scale of the old C when <see cref="ReadC"/> (skipped when 1).</summary>
    public float Beta { get; }

    /// <summary>Whether the old C is read and added: false only on the first k-block with beta = 0.</summary>
    public bool ReadC { get; }

    /// <summary>Whether this is the last k-block, where bias and activation apply.</summary>
    public bool Finish { get; }

    /// <summary>Per-column bias, padded to whole tiles and indexed by C column within the block; null for none.</summary>
    public float* ColumnBias { get; }

    /// <summary>Per-row bias, padded to whole tiles and indexed by C row within the block; null for none.</summary>
    public float* RowBias { get; }

    public GemmActivation Activation { get; }

    public float LeakySlope { get; }

    /// <summary>The store for one element: the scalar definition every vector kernel reproduces.</summary>
    public float Apply(float accumulated, float old, float columnBias, float rowBias)
    {
        var value = Alpha == 1f ? accumulated : Alpha * accumulated;
        if (ReadC)
        {
            value += Beta == 1f ? old : Beta * old;
        }

        if (Finish)
        {
            if (ColumnBias != null)
            {
                value += columnBias;
            }

            if (RowBias != null)
            {
                value += rowBias;
            }

            value = Activation switch
            {
                GemmActivation.Relu => MathF.Max(value, 0f),
                GemmActivation.LeakyRelu => value > 0f ? value : LeakySlope * value,
                _ => value,
            };
        }

        return value;
    }
}
