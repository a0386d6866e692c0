namespace MLPipelines.Neural.Augmentation;

/// <summary>Settings of <see cref="ImageAugmentation"/>; each default is what applies when unset (all off).</summary>
public sealed class ImageAugmentationOptions
{
    /// <summary>
    /// Random crop with padding: each image is shifted by a uniform random offset in [-p, p] on each axis, pixels
    /// moved in from outside taken as <see cref="FillValue"/> (a p-pixel pad, then a crop back to the original size,
    /// as torchvision <c>RandomCrop(size, padding=p)</c>). 0 = off. Default 0.
    /// </summary>
    public int CropPadding { get; set; }

    /// <summary>Mirror each image left-right with probability 1/2. Default false.</summary>
    public bool HorizontalFlip { get; set; }

    /// <summary>
    /// Random erasing (Zhong et al. 2017, torchvision <c>RandomErasing</c>): with this probability, one rectangle of
    /// a random area share in [<see cref="ErasingMinArea"/>, <see cref="ErasingMaxArea"/>] and aspect ratio in
    /// [<see cref="ErasingMinAspect"/>, 1 / <see cref="ErasingMinAspect"/>] (log-uniform) is set to
    /// <see cref="FillValue"/> in every channel. 0 = off. Default 0.
    /// </summary>
    public float ErasingProbability { get; set; }

    /// <summary>Smallest erased area, as a share of the image. Default 0.02.</summary>
    public float ErasingMinArea { get; set; } = 0.02f;

    /// <summary>Largest erased area, as a share of the image. Default 0.33.</summary>
    public float ErasingMaxArea { get; set; } = 0.33f;

    /// <summary>Smallest aspect ratio (height / width) of the erased rectangle; the largest is its inverse. Default 0.3.</summary>
    public float ErasingMinAspect { get; set; } = 0.3f;

    /// <summary>
    /// Value of padded and erased pixels, in the units the network sees (e.g. the normalized value of a black pixel,
    /// <c>-mean / std</c>, when pixels are standardized). Default 0.
    /// </summary>
    public float FillValue { get; set; }

    /// <summary>True when at least one transformation is on.</summary>
    public bool Enabled => CropPadding > 0 || HorizontalFlip || ErasingProbability > 0;

    /// <summary>Throws on values out of range, naming the option.</summary>
    public void Validate()
    {
        if (CropPadding < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CropPadding), CropPadding, "crop padding must be >= 0.");
        }

        if (!(ErasingProbability >= 0 && ErasingProbability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ErasingProbability), ErasingProbability, "erasing probability must be in [0, 1].");
        }

        if (!(ErasingMinArea > 0 && ErasingMinArea <= ErasingMaxArea && ErasingMaxArea <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ErasingMinArea), $"[{ErasingMinArea}, {ErasingMaxArea}]", "erasing area shares must satisfy 0 < min <= max <= 1.");
        }

        if (!(ErasingMinAspect > 0 && ErasingMinAspect <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ErasingMinAspect), ErasingMinAspect, "erasing minimum aspect ratio must be in (0, 1].");
        }

        if (!float.IsFinite(FillValue))
        {
            throw new ArgumentOutOfRangeException(nameof(FillValue), FillValue, "fill value must be finite.");
        }
    }
}
