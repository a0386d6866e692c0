using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>
/// Parses spec text into YAML nodes that keep their line and column. Anchors, aliases and merge keys
/// (<c>&lt;&lt;: *defaults</c>, see <see cref="MergeKeyExpander"/>) work; a syntax error, an empty file or a second
/// document is a <see cref="SpecException"/>.
/// </summary>
internal static class YamlDocumentReader
{
    /// <param name="what">What the file should hold, for the empty-file message (e.g. <c>pipeline definition; expected keys name, data and models</c>).</param>
    public static YamlNode Read(string text, string displayPath, string what = "pipeline definition; expected keys name, data and models")
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(text)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            var message = Sentence(e.Message);
            var line = e.Start.Line;
            var column = e.Start.Column;
            var tabLikely = message.Contains("tab", StringComparison.Ordinal) || message.Contains("cannot start any token", StringComparison.Ordinal);
            if (tabLikely && FirstTabIndentedLine(text) is { } tabLine)
            {
                // YamlDotNet reports tab indentation at the start of the enclosing block; point at the tab itself.
                var hint = message.Contains("tab", StringComparison.Ordinal) ? "; use spaces" : " (tabs cannot indent YAML; use spaces)";
                (line, column, message) = (tabLine, 1, message + hint);
            }

            throw SpecException.FromErrors([new SpecError(Location(displayPath, line, column), "", $"YAML syntax error: {message}")]);
        }
        catch (InvalidOperationException)
        {
            var mark = parser.LastGood;
            throw SpecException.FromErrors([new SpecError(Location(displayPath, mark.Line, mark.Column), "",
                "YAML syntax error: cannot read past this point; is a '{', '[' or quote left unclosed?")]);
        }
        catch (ArgumentException)
        {
            // YamlDotNet's node loader rejects some well-formed event sequences (e.g. a '? ' key in odd places).
            var mark = parser.Current?.Start ?? parser.LastGood;
            throw SpecException.FromErrors([new SpecError(Location(displayPath, mark.Line, mark.Column), "",
                "YAML syntax error: unexpected structure here (a '?' complex key, or a key without a value?)")]);
        }

        if (stream.Documents.Count == 0)
        {
            throw SpecException.FromErrors(
                [new SpecError(new SourceLocation(displayPath, 1, 1), "", $"the file holds no {what}")]);
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode;
            var location = new SourceLocation(displayPath, checked((int)second.Start.Line), checked((int)second.Start.Column));
            throw SpecException.FromErrors(
                [new SpecError(location, "", "the file holds one YAML document, and a second one starts here (remove the '---' line)")]);
        }

        var root = stream.Documents[0].RootNode;
        MergeKeyExpander.Expand(root, displayPath);
        return root;
    }

    private static SourceLocation Location(string displayPath, long line, long column) =>
        new(displayPath, checked((int)Math.Max(1, line)), checked((int)Math.Max(1, column)));

    /// <summary>1-based number of the first line indented with a tab, or null.</summary>
    private static long? FirstTabIndentedLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].AsSpan(0, indent).Contains('\t'))
            {
                return i + 1;
            }
        }

        return null;
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
