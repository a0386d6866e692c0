using System.Text;

namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>Writes mutated text as UTF-8 without a BOM, replacing lone surrogates instead of throwing.</summary>
internal static class FuzzFiles
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static void Write(string path, string text) => File.WriteAllText(path, text, Lenient);
}
