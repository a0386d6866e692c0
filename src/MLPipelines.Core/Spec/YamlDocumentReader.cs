using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Core.Spec;

/// <summary>
/// Parses spec text into YAML nodes that keep their line and column. Anchors, aliases and merge keys
/// (<c>&lt;&lt;: *defaults</c>) work; a syntax error, an empty file or a second document is a <see cref="SpecException"/>.
/// </summary>
internal static class YamlDocumentReader
{
    public static YamlNode Read(string text, string displayPath)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new MergingParser(new Parser(new StringReader(text))));
        }
        catch (YamlException e)
        {
            var location = new SourceLocation(displayPath, checked((int)Math.Max(1, e.Start.Line)), checked((int)Math.Max(1, e.Start.Column)));
            throw SpecException.FromErrors([new SpecError(location, "", $"YAML syntax error: {Sentence(e.Message)}")]);
        }

        if (stream.Documents.Count == 0)
        {
            throw SpecException.FromErrors(
                [new SpecError(new SourceLocation(displayPath, 1, 1), "", "the file holds no pipeline definition; expected keys name, data and models")]);
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            var location = new SourceLocation(displayPath, checked((int)second.Start.Line), checked((int)second.Start.Column));
            throw SpecException.FromErrors(
                [new SpecError(location, "", "a spec file holds one YAML document, and a second one starts here (remove the '---' line)")]);
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>YamlDotNet messages start with a capital and end with a period; ours continue a sentence.</summary>
    private static string Sentence(string message)
    {
        var trimmed = message.Trim().TrimEnd('.');
        return trimmed.Length > 1 && char.IsUpper(trimmed[0]) && !char.IsUpper(trimmed[1])
            ? char.ToLowerInvariant(trimmed[0]) + trimmed[1..]
            : trimmed;
    }
}
