namespace MLPipelines.Data;

/// <summary>The role schema inference (or an override) gives a column.</summary>
public enum ColumnKind
{
    /// <summary>Numbers; read as float, missing = NaN.</summary>
    Numeric,

    /// <summary>Text categories; one-hot encoded.</summary>
    Categorical,

    /// <summary>Two values such as 0/1, true/false, yes/no; one 0/1 feature.</summary>
    Boolean,

    /// <summary>Free text or an identifier (nearly every value distinct); not used.</summary>
    Text,

    /// <summary>A single value (or none at all); not used.</summary>
    Constant,

    /// <summary>Left out by <c>data.columns.ignore</c>.</summary>
    Ignored,

    /// <summary>The label column.</summary>
    Label,
}
