using System.Globalization;

namespace MLPipelines.Data;

/// <summary>The distinct count and most frequent values of a column of floats, for the streaming reader.</summary>
internal static class FloatValueCounts
{
    /// <summary>
    /// Distinct values (NaN left out, 0 = -0) and the five most frequent (ties: smaller value first; written as the
    /// shortest text that reads back as the float), counted on their bits sorted by a radix sort (four 8-bit digits).
    /// </summary>
    public static (int Distinct, List<(string Value, int Count)> Top) Of(float[] values, ref uint[] keys, ref uint[] spare)
    {
        if (keys.Length < values.Length)
        {
            (keys, spare) = (new uint[values.Length], new uint[values.Length]);
        }

        // One pass reads the values and counts all four 8-bit digits; four scatter passes sort (LSD), the first one
        // straight from the values. 256 buckets keep every pass's write positions in the first-level cache.
        var histograms = new int[4][];
        for (var d = 0; d < 4; d++)
        {
            histograms[d] = new int[256];
        }

        int[] h0 = histograms[0], h1 = histograms[1], h2 = histograms[2], h3 = histograms[3];
        var count = 0;
        foreach (var v in values)
        {
            if (!float.IsNaN(v))
            {
                var key = Key(v);
                h0[key & 0xFF]++;
                h1[(key >> 8) & 0xFF]++;
                h2[(key >> 16) & 0xFF]++;
                h3[key >> 24]++;
                count++;
            }
        }

        foreach (var histogram in histograms)
        {
            var sum = 0;
            for (var b = 0; b < histogram.Length; b++)
            {
                (histogram[b], sum) = (sum, sum + histogram[b]);
            }
        }

        foreach (var v in values)
        {
            if (!float.IsNaN(v))
            {
                var key = Key(v);
                spare[h0[key & 0xFF]++] = key;
            }
        }

        for (var shift = 8; shift < 32; shift += 8)
        {
            var histogram = histograms[shift / 8];
            for (var i = 0; i < count; i++)
            {
                var key = spare[i];
                keys[histogram[(key >> shift) & 0xFF]++] = key;
            }

            (keys, spare) = (spare, keys);
        }

        (keys, spare) = (spare, keys);

        var distinct = 0;
        var top = new List<(float Value, int Count)>(6);
        for (var i = 0; i < count;)
        {
            var start = i;
            while (i < count && keys[i] == keys[start])
            {
                i++;
            }

            distinct++;
            var run = (Value: BitConverter.UInt32BitsToSingle(keys[start]), Count: i - start);
            var at = top.Count;
            while (at > 0 && (run.Count > top[at - 1].Count || (run.Count == top[at - 1].Count && run.Value < top[at - 1].Value)))
            {
                at--;
            }

            if (at < 5)
            {
                top.Insert(at, run);
                if (top.Count > 5)
                {
                    top.RemoveAt(5);
                }
            }
        }

        return (distinct, [.. top.Select(t => (t.Value.ToString("R", CultureInfo.InvariantCulture), t.Count))]);
    }

    /// <summary>The float's bits, with -0 as 0.</summary>
    private static uint Key(float v) => v == 0 ? 0 : BitConverter.SingleToUInt32Bits(v);
}
