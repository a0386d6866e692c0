namespace MLPipelines.Neural.Kernels;

/// <summary>Argument checks for <see cref="Gemm"/>: messages name the argument, its value and what was needed.</summary>
internal static class GemmValidation
{
    public static void Check(
        bool transA, bool transB, int m, int n, int k,
        int aLength, int lda, int bLength, int ldb, int cLength, int ldc, GemmEpilogue epilogue)
    {
        CheckShape(transA, transB, m, n, k, lda, ldb, ldc);
        CheckExtent("a", aLength, transA ? k : m, transA ? m : k, lda, transA ? "k x m (transposed)" : "m x k");
        CheckExtent("b", bLength, transB ? n : k, transB ? k : n, ldb, transB ? "n x k (transposed)" : "k x n");
        CheckExtent("c", cLength, m, n, ldc, "m x n");
        CheckEpilogue(m, n, epilogue);
    }

    public static void CheckShape(bool transA, bool transB, int m, int n, int k, int lda, int ldb, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckLeading("lda", lda, transA ? m : k, transA ? "m (A transposed)" : "k");
        CheckLeading("ldb", ldb, transB ? k : n, transB ? "k (B transposed)" : "n");
        CheckLeading("ldc", ldc, n, "n");
    }

    public static void CheckEpilogue(int m, int n, GemmEpilogue epilogue)
    {
        var expected = epilogue.BiasAxis switch
        {
            GemmBiasAxis.PerColumn => n,
            GemmBiasAxis.PerRow => m,
            _ => -1,
        };
        if (expected >= 0 && epilogue.Bias.Length != expected)
        {
            throw new ArgumentException(
                $"Epilogue bias has length {epilogue.Bias.Length} but {epilogue.BiasAxis} bias needs {expected} "
                + $"({(epilogue.BiasAxis == GemmBiasAxis.PerColumn ? "n" : "m")}).",
                nameof(epilogue));
        }

        if (!Enum.IsDefined(epilogue.Activation))
        {
            throw new ArgumentException($"Unknown epilogue activation {(int)epilogue.Activation}.", nameof(epilogue));
        }
    }

    private static void CheckLeading(string name, int value, int minimum, string what)
    {
        if (value < Math.Max(1, minimum))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value} but must be at least {what} = {minimum} (and at least 1).");
        }
    }

    private static void CheckExtent(string name, int length, int rows, int cols, int ld, string shape)
    {
        var needed = rows == 0 || cols == 0 ? 0L : ((long)(rows - 1) * ld) + cols;
        if (length < needed)
        {
            throw new ArgumentException(
                $"{name} has length {length} but a {shape} matrix ({rows} x {cols}) with leading dimension {ld} needs at least {needed}.",
                name);
        }
    }
}
