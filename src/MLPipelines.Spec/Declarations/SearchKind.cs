namespace MLPipelines.Spec.Declarations;

/// <summary>The range distributions a <see cref="SearchAttribute"/> can declare (MLPipelines.Tuning draws from them).</summary>
public enum SearchKind
{
    /// <summary>Uniform on [low, high] (<c>uniform</c>).</summary>
    Uniform,

    /// <summary>exp of uniform on [ln low, ln high], low &gt; 0 (<c>log_uniform</c>).</summary>
    LogUniform,

    /// <summary>Integers uniform on [low, high] (<c>int_uniform</c>).</summary>
    IntUniform,

    /// <summary>Integers log-uniform on [low, high], low &gt;= 1 (<c>int_log_uniform</c>).</summary>
    IntLogUniform,
}
