using System.Globalization;

namespace MLPipelines.Data;

/// <summary>
/// Parses a field once into both the double that schema statistics use and the float a view stores, each exactly
/// what <c>double.Parse</c> / <c>float.Parse</c> (invariant culture, <see cref="NumberStyles.Float"/>) return.
/// Plain decimals (<c>[+-]digits[.digits][e[+-]digits]</c>, at most 2^53 as an integer of significant digits, a
/// decimal exponent within 22) take Clinger's fast path: one IEEE multiply or divide of two exact doubles, so
/// correctly rounded. The float is that double rounded again, which is the correctly rounded float unless the double
/// sits exactly halfway between two floats (then the digits decide, through <c>float.Parse</c>). Anything else
/// (more digits, larger exponents, infinity and NaN spellings, odd whitespace) goes to the framework's parsers.
/// </summary>
internal static class NumberParser
{
    private const ulong MaxExactMantissa = 1UL << 53;
    private const int MaxExactPower = 22;

    private static readonly double[] Powers =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// True when <paramref name="text"/> (trimmed) is a finite number as <see cref="SchemaInferrer.TryParseNumber(ReadOnlySpan{char}, out double)"/>
    /// decides; <paramref name="value"/> is then <c>double.Parse</c>'s result and <paramref name="single"/> <c>float.Parse</c>'s.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value, out float single)
    {
        if (TryDecimal(text, out var mantissa, out var exponent, out var negative)
            && mantissa <= MaxExactMantissa && exponent is >= -MaxExactPower and <= MaxExactPower)
        {
            value = Exact(mantissa, exponent, negative, text, out single);
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.IsEmpty || (char.IsAsciiLetter(trimmed[0]) && trimmed[0] is not ('I' or 'i' or 'N' or 'n')))
        {
            // No number starts with a letter but the infinity and NaN symbols: categories skip the framework's parser.
            (value, single) = (double.NaN, float.NaN);
            return false;
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || double.IsInfinity(value))
        {
            single = float.NaN;
            return false;
        }

        single = float.Parse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// The field of <paramref name="line"/> that starts at <paramref name="start"/> and ends at the next
    /// <paramref name="separator"/> or the line's end (<paramref name="end"/>, the separator's index), read as
    /// <see cref="TryParse"/> reads it, in the one pass that finds its end: for the streaming reader's plain lines.
    /// False when the field is anything but <c>[+-]digits[.digits]</c> on Clinger's fast path (empty, spaces, an
    /// exponent, text, a quote, many digits), or when the separator could be part of a number (a point or a digit).
    /// The caller then splits and parses it the general way.
    /// </summary>
    public static bool TryParseField(ReadOnlySpan<char> line, int start, char separator, out int end, out double value, out float single)
    {
        (end, value, single) = (start, 0, 0);
        if (separator == '.' || char.IsAsciiDigit(separator))
        {
            return false;
        }

        var i = start;
        var negative = false;
        if (i < line.Length && (line[i] == '-' || line[i] == '+'))
        {
            negative = line[i] == '-';
            i++;
        }

        ulong mantissa = 0;
        int digits = 0, significant = 0, exponent = 0, fraction = -1;
        for (; i < line.Length; i++)
        {
            var digit = (uint)(line[i] - '0');
            if (digit > 9)
            {
                if (line[i] != '.' || fraction >= 0)
                {
                    break;
                }

                fraction = i; // the point: digits after it lower the exponent
                continue;
            }

            digits++;
            exponent -= fraction >= 0 ? 1 : 0;
            if (mantissa == 0 && digit == 0)
            {
                continue; // a leading zero
            }

            if (++significant > 19)
            {
                return false;
            }

            mantissa = mantissa * 10 + digit;
        }

        if (digits == 0 || (i < line.Length && line[i] != separator) || mantissa > MaxExactMantissa || exponent < -MaxExactPower)
        {
            return false;
        }

        end = i;
        value = Exact(mantissa, exponent, negative, line[start..i], out single);
        return true;
    }

    /// <summary>
    /// mantissa x 10^exponent (both exact doubles: Clinger's fast path) with its sign, and that value as a float; a
    /// double exactly halfway between two floats is left to <c>float.Parse</c> of <paramref name="text"/>.
    /// </summary>
    private static double Exact(ulong mantissa, int exponent, bool negative, ReadOnlySpan<char> text, out float single)
    {
        var value = exponent < 0 ? mantissa / Powers[-exponent] : mantissa * Powers[exponent];
        value = negative ? -value : value;
        // The lower 29 of a double's 52 fraction bits are what a float drops; exactly 1 then 28 zeros is a tie.
        single = (BitConverter.DoubleToInt64Bits(value) & 0x1FFF_FFFF) == 0x1000_0000
            ? float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : (float)value;
        return value;
    }

    /// <summary>
    /// Reads <c>[+-]digits[.digits][(e|E)[+-]digits]</c> (at least one mantissa digit, nothing else) as
    /// mantissa x 10^exponent with at most 19 significant digits; false for anything else (the caller's slow path).
    /// </summary>
    private static bool TryDecimal(ReadOnlySpan<char> s, out ulong mantissa, out int exponent, out bool negative)
    {
        mantissa = 0;
        exponent = 0;
        negative = false;
        var i = 0;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            i = 1;
        }

        var digits = 0;
        var significant = 0;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++, digits++)
        {
            if (!Accumulate(ref mantissa, ref significant, s[i]))
            {
                return false;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            for (i++; i < s.Length && char.IsAsciiDigit(s[i]); i++, digits++)
            {
                if (!Accumulate(ref mantissa, ref significant, s[i]))
                {
                    return false;
                }

                exponent--;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            var negativeExponent = false;
            if (i < s.Length && (s[i] == '-' || s[i] == '+'))
            {
                negativeExponent = s[i] == '-';
                i++;
            }

            var start = i;
            var power = 0;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                if (power > 10_000)
                {
                    return false;
                }

                power = power * 10 + (s[i] - '0');
            }

            if (i == start)
            {
                return false;
            }

            exponent += negativeExponent ? -power : power;
        }

        return i == s.Length;
    }

    private static bool Accumulate(ref ulong mantissa, ref int significant, char digit)
    {
        if (mantissa == 0 && digit == '0')
        {
            return true; // a leading zero
        }

        if (significant == 19)
        {
            return false;
        }

        mantissa = mantissa * 10 + (ulong)(digit - '0');
        significant++;
        return true;
    }
}
