namespace MLPipelines.Spec.Declarations;

/// <summary>The YAML type an option accepts. Resolved values are <see cref="long"/> (Int), <see cref="double"/>
/// (Float), <see cref="bool"/>, <see cref="string"/> (String, Enum) or <c>List&lt;object&gt;</c> (lists).</summary>
public enum OptionKind
{
    Int,
    Float,
    Bool,
    String,
    Enum,
    IntList,
    FloatList,
}
