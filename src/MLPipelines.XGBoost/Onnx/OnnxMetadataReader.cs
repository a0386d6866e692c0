using MLPipelines.Core.Runs.Onnx;

namespace MLPipelines.XGBoost.Onnx;

/// <summary>
/// Reads the <c>metadata_props</c> (field 14, <c>StringStringEntryProto{key=1, value=2}</c>) of an ONNX ModelProto
/// with Core's wire-level protobuf reader (<see cref="ProtoMessage"/>), without a protobuf library.
/// </summary>
internal static class OnnxMetadataReader
{
    private const int MetadataProps = 14;
    private const int EntryKey = 1;
    private const int EntryValue = 2;

    /// <summary>The value of the first metadata entry named <paramref name="key"/>, or null.</summary>
    public static string? Find(ReadOnlyMemory<byte> model, string key) =>
        ProtoMessage.Parse(model).All(MetadataProps)
            .Select(ProtoMessage.Parse)
            .Where(entry => entry.Text(EntryKey) == key)
            .Select(entry => entry.Text(EntryValue) ?? "")
            .FirstOrDefault();
}
