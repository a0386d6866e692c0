namespace MLPipelines.Spec;

/// <summary>A position in a spec file, 1-based, as printed in <c>file:line:col</c> messages.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
