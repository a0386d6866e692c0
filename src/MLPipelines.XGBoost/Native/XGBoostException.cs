using System.Runtime.InteropServices;

namespace MLPipelines.XGBoost.Native;

/// <summary>
/// A call into XGBoost's C library failed; the message is XGBoost's own (<c>XGBGetLastError</c>) prefixed with the
/// function that failed, e.g. <c>XGBoosterSetParam: Invalid Input: 'foo', valid values are: ...</c>.
/// </summary>
public sealed class XGBoostException : Exception
{
    public XGBoostException()
    {
    }

    public XGBoostException(string message)
        : base(message)
    {
    }

    public XGBoostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws with XGBoost's last error when <paramref name="status"/> is not 0.</summary>
    internal static void Check(int status, string function)
    {
        if (status != 0)
        {
            var message = Marshal.PtrToStringUTF8(XGBoostNative.XGBGetLastError())?.Trim();
            throw new XGBoostException($"{function}: {(string.IsNullOrEmpty(message) ? "failed without a message" : message)}");
        }
    }
}
