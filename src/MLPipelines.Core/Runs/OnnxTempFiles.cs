namespace MLPipelines.Core.Runs;

/// <summary>
/// Works around a name clash between ML.NET and ONNX Runtime. ML.NET writes the ONNX bytes of every
/// <c>ApplyOnnxModel(stream)</c> and of every model zip it loads to a temporary file named by
/// <see cref="Path.GetRandomFileName"/> (8 characters, a dot, 3 characters out of 32), and ONNX Runtime reads a file
/// whose extension is <c>.ort</c> as its own ORT format: one such file in 32,768 fails with "ORT model verification
/// failed." although its bytes are a valid ONNX model. A run creates a session per network or booster it fits and
/// per model it loads, so a long tuning run or a test suite meets it. <see cref="Create{T}"/> makes the call again,
/// which draws a new name; any other failure, or the same one three times, is passed on.
/// </summary>
public static class OnnxTempFiles
{
    /// <summary>ONNX Runtime's message for bytes that are not a valid ORT-format (flatbuffer) model.</summary>
    internal const string OrtFormatMisread = "ORT model verification failed";

    private const int Attempts = 3;

    /// <summary>Runs <paramref name="create"/> (which must build its ONNX session from scratch each time), again when
    /// ONNX Runtime took ML.NET's temporary file for an ORT-format model.</summary>
    public static T Create<T>(Func<T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return create();
            }
            catch (Exception e) when (attempt < Attempts && IsOrtFormatMisread(e))
            {
                // A temporary file named *.ort: the next attempt gets another random name.
            }
        }
    }

    /// <summary>True when <paramref name="error"/> or one of its inner exceptions is ONNX Runtime's ORT-format misread.</summary>
    internal static bool IsOrtFormatMisread(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains(OrtFormatMisread, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
