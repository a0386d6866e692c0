using YamlDotNet.RepresentationModel;

namespace MLPipelines.Spec;

/// <summary>State of one load: the file name used in messages, the errors found so far and the key locations.</summary>
internal sealed class SpecReadContext(string file)
{
    public string File { get; } = file;

    public List<SpecError> Errors { get; } = [];

    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>Position of the file's first character, for problems with the whole document.</summary>
    public SourceLocation Start => new(File, 1, 1);

    public SourceLocation At(YamlNode node) => new(File, checked((int)node.Start.Line), checked((int)node.Start.Column));

    public void Error(YamlNode node, string path, string message) => Errors.Add(new SpecError(At(node), path, message));

    public void Error(SourceLocation location, string path, string message) => Errors.Add(new SpecError(location, path, message));

    public void Remember(string path, YamlNode node) => Locations[path] = At(node);

    /// <summary>Where <paramref name="path"/> or its closest remembered parent was written, else the file start.</summary>
    public SourceLocation LocationOf(string path)
    {
        for (var current = path; current.Length > 0; current = Parent(current))
        {
            if (Locations.TryGetValue(current, out var location))
            {
                return location;
            }
        }

        return Start;
    }

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
