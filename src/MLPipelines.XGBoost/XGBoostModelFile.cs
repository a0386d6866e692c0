using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using MLPipelines.XGBoost.Onnx;

namespace MLPipelines.XGBoost;

/// <summary>
/// Gets the booster back out of a saved ML.NET model zip (e.g. <c>runs/x/models/xgboost.zip</c>): the ONNX graph
/// that ML.NET stored for the scoring transform carries the booster's own JSON model in its metadata, loadable by
/// XGBoost anywhere (<c>xgboost.Booster(model_file=...)</c> after writing it to a <c>.json</c> file).
/// </summary>
public static class XGBoostModelFile
{
    /// <summary>The booster's JSON model from the first XGBoost ONNX graph in the zip.</summary>
    /// <exception cref="InvalidDataException">The zip holds no XGBoost model.</exception>
    public static byte[] ReadBoosterJson(string zipPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(zipPath);
        using var zip = ZipFile.OpenRead(zipPath);
        foreach (var entry in zip.Entries.Where(e => e.Name == "OnnxModel"))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (OnnxMetadataReader.Find(WithoutLengthPrefix(copy.ToArray()), TreeEnsembleOnnxWriter.BoosterMetadataKey) is { } json)
            {
                return Encoding.UTF8.GetBytes(json);
            }
        }

        throw new InvalidDataException($"{zipPath} holds no XGBoost model (no ONNX graph with '{TreeEnsembleOnnxWriter.BoosterMetadataKey}' metadata).");
    }

    /// <summary>ML.NET writes the ONNX bytes as a length-prefixed array (<c>int</c> count, then the bytes).</summary>
    private static ReadOnlyMemory<byte> WithoutLengthPrefix(byte[] stored) =>
        stored.Length >= 4 && BinaryPrimitives.ReadInt32LittleEndian(stored) == stored.Length - 4 ? stored.AsMemory(4) : stored;
}
