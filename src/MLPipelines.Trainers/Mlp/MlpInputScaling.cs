namespace MLPipelines.Trainers.Mlp;

/// <summary>Scaling of numeric inputs inside the network (YAML <c>input_scaling</c>); fitted on the training rows.</summary>
public enum MlpInputScaling
{
    /// <summary><see cref="RobustClip"/> unless the pipeline already normalized the features, then <see cref="None"/>.</summary>
    Auto,

    /// <summary>
    /// Robust scaling then smooth clipping (RealMLP, Holzmüller et al. 2024):
    /// <c>z = (x - median) / (q75 - q25)</c> (when the quartiles coincide, <c>/ ((max - min) / 2)</c>; constant
    /// columns become 0), then <c>z / sqrt(1 + (z / 3)^2)</c>, which keeps the bulk linear and squashes outliers
    /// smoothly into (-3, 3).
    /// </summary>
    RobustClip,

    /// <summary>
    /// <see cref="RobustClip"/>, except for columns whose quartiles coincide but that are not constant (mostly one
    /// value, e.g. word frequencies that are 0 in most rows): their deviation d from the median becomes
    /// <c>sign(d) log(1 + |d| / s)</c>, s the median of the nonzero |d|, before the smooth clipping. The typical
    /// nonzero value then lands near 0.7 and a long tail is compressed, where the (max - min) / 2 fallback would
    /// squash the typical value towards 0.
    /// </summary>
    RobustLogClip,

    /// <summary>Standardization <c>(x - mean) / std</c> (constant columns become 0).</summary>
    Standard,

    /// <summary>Numbers go in as they are (missing values still become the training median).</summary>
    None,
}
