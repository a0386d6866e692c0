namespace MLPipelines.Spec;

/// <summary>Regression label transforms (<c>data.label_transform</c>).</summary>
public enum LabelTransform
{
    /// <summary>The label is used as read.</summary>
    None,

    /// <summary>The model learns ln(y); predictions are mapped back with exp. Every label must be &gt; 0.</summary>
    Log,
}
