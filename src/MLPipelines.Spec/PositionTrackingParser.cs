using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MLPipelines.Spec;

/// <summary>
/// Passes YAML events through and remembers where the last one ended, so a parser failure that carries no
/// position (YamlDotNet throws a bare <see cref="InvalidOperationException"/> on some unclosed flow collections)
/// can still be reported at <c>file:line:col</c>.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    /// <summary>End of the last event read successfully; the file start before any.</summary>
    public Mark LastGood { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            LastGood = current.End;
        }

        return inner.MoveNext();
    }
}
