using Microsoft.ML.OnnxRuntime;
using MLPipelines.Core.Runs;
using MLPipelines.Neural.Onnx;
using MLPipelines.Trainers.Mlp;
using MLPipelines.Trainers.Mlp.Encoding;
using MLPipelines.Trainers.Mlp.Training;

namespace MLPipelines.Trainers.Tests.Mlp;

/// <summary>
/// ML.NET names the temporary copy of an ONNX model with <see cref="Path.GetRandomFileName"/>; ONNX Runtime reads a
/// <c>*.ort</c> file as its own format. These tests show the failure with a real session on a real exported network,
/// and that <see cref="OnnxTempFiles.Create{T}"/> makes the call again for that failure only.
/// </summary>
public sealed class OnnxTempFilesTests
{
    private const string Misread = "ORT model verification failed";

    [Fact]
    public void InferenceSession_ValidOnnxModelInAFileNamedOrt_FailsAsAnOrtFormatModel()
    {
        var (ort, onnx) = WriteModel();

        var error = Assert.Throws<OnnxRuntimeException>(() => new InferenceSession(ort));

        Assert.Contains(Misread, error.Message, StringComparison.Ordinal);
        using var session = new InferenceSession(onnx); // the same bytes under another name load
        Assert.Single(session.InputMetadata);
    }

    [Fact]
    public void Create_AfterTheOrtFormatMisread_MakesTheCallAgain()
    {
        var (ort, onnx) = WriteModel();
        var attempts = 0;

        using var session = OnnxTempFiles.Create(() => new InferenceSession(++attempts == 1 ? ort : onnx));

        Assert.Equal(2, attempts);
        Assert.Single(session.InputMetadata);
    }

    [Fact]
    public void Create_OtherFailuresAndARepeatedMisread_ArePassedOn()
    {
        var (ort, _) = WriteModel();
        var garbage = Path.Combine(Path.GetDirectoryName(ort)!, "garbage.onnx");
        File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 6, 7, 8]);
        var attempts = 0;

        var other = Assert.Throws<OnnxRuntimeException>(() => OnnxTempFiles.Create(() => { attempts++; return new InferenceSession(garbage); }));
        Assert.Equal(1, attempts);
        Assert.DoesNotContain(Misread, other.Message, StringComparison.Ordinal);

        attempts = 0;
        var repeated = Assert.Throws<OnnxRuntimeException>(() => OnnxTempFiles.Create(() => { attempts++; return new InferenceSession(ort); }));
        Assert.Equal(3, attempts);
        Assert.Contains(Misread, repeated.Message, StringComparison.Ordinal);
    }

    /// <summary>A small exported MLP, written as <c>model.ort</c> and <c>model.onnx</c> (the same bytes).</summary>
    private static (string Ort, string Onnx) WriteModel()
    {
        const int width = 3;
        var rows = new float[40 * width];
        var random = new Random(4);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = (float)random.NextDouble();
        }

        var encoding = InputEncodingFitter.Fit(rows, width, [], MlpInputScaling.RobustClip, 8);
        var net = MlpNetworkFactory.Create(new MlpOptions { HiddenLayers = [4], Dropout = 0 }, encoding, outputs: 1, seed: 1);
        var bytes = OnnxExporter.Export(net, new OnnxExportOptions { InputName = "Features" });
        var folder = TestFiles.NewFolder();
        var (ort, onnx) = (Path.Combine(folder, "model.ort"), Path.Combine(folder, "model.onnx"));
        File.WriteAllBytes(ort, bytes);
        File.WriteAllBytes(onnx, bytes);
        return (ort, onnx);
    }
}
