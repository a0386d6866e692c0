using MLPipelines.Core.Runs;
using MLPipelines.Tuning.Ensembles;

namespace MLPipelines.Core.Tuning;

/// <summary>
/// Prediction sets on disk: a small binary file (magic, version, then per set its width, row count and float32
/// values), written to a temporary name and renamed, so a reader sees the whole file or none of it.
/// </summary>
internal static class PredictionFiles
{
    private const int Magic = 0x54504C4D; // "MLPT"
    private const int Version = 1;

    public static void Write(string path, IReadOnlyList<PredictionSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(sets.Count);
            foreach (var set in sets)
            {
                writer.Write(set.Width);
                writer.Write(set.Rows);
                foreach (var value in set.Values)
                {
                    writer.Write(value);
                }
            }

            writer.Flush();
        });
    }

    /// <summary>The sets in <paramref name="path"/>, or null when it is missing, truncated or not ours.</summary>
    public static IReadOnlyList<PredictionSet>? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
            {
                return null;
            }

            var count = reader.ReadInt32();
            var sets = new List<PredictionSet>(count);
            for (var s = 0; s < count; s++)
            {
                var width = reader.ReadInt32();
                var rows = reader.ReadInt32();
                var values = new float[checked(width * rows)];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.ReadSingle();
                }

                sets.Add(new PredictionSet(values, width));
            }

            return reader.BaseStream.Position == reader.BaseStream.Length ? sets : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
