using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MLPipelines.Spec;

/// <summary>
/// Passes YAML events through, remembers where the last one ended, and refuses nesting deeper than
/// <see cref="SpecLimits.MaxNestingDepth"/>. The position lets a parser failure that carries none (YamlDotNet throws
/// a bare <see cref="InvalidOperationException"/> on some unclosed flow collections) be reported at
/// <c>file:line:col</c>; the depth limit keeps YamlDotNet's recursive node loader from overflowing the stack (which
/// kills the process) on <c>[[[[...</c>.
/// </summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    private int depth;

    public ParsingEvent? Current => inner.Current;

    /// <summary>End of the last event read successfully; the file start before any.</summary>
    public Mark LastGood { get; private set; } = Mark.Empty;

    public bool MoveNext()
    {
        if (inner.Current is { } current)
        {
            LastGood = current.End;
        }

        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++depth > SpecLimits.MaxNestingDepth)
                {
                    throw new YamlException(inner.Current.Start, inner.Current.End,
                        $"nesting deeper than {SpecLimits.MaxNestingDepth} levels of lists and mappings");
                }

                break;
            case MappingEnd or SequenceEnd:
                depth--;
                break;
        }

        return true;
    }
}
