using YamlDotNet.RepresentationModel;

namespace MLPipelines.Core.Spec;

/// <summary>
/// Lenient YAML reading for files mlpipe wrote itself (e.g. a run's <c>resolved.yaml</c>) that a user may have
/// edited: the same guarded reader as specs (positions, nesting limit), but any problem gives null instead of an error.
/// </summary>
public static class YamlText
{
    /// <summary>The root node of <paramref name="text"/>, or null when it is empty, not one YAML document, or too deep.</summary>
    public static YamlNode? TryRead(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > SpecLimits.MaxFileBytes)
        {
            return null;
        }

        try
        {
            return YamlDocumentReader.Read(text, "yaml");
        }
        catch (SpecException)
        {
            return null;
        }
    }
}
