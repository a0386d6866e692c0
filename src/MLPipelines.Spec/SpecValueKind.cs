namespace MLPipelines.Spec;

/// <summary>What a key of the pipeline format holds. Scalar and list kinds mirror <see cref="MLPipelines.Spec.Declarations.OptionKind"/>.</summary>
public enum SpecValueKind
{
    /// <summary>A whole number, resolved as <see cref="long"/>.</summary>
    Int,

    /// <summary>A finite number (integers accepted), resolved as <see cref="double"/>.</summary>
    Float,

    /// <summary><c>true</c> or <c>false</c> (not yes/no/on/off).</summary>
    Bool,

    /// <summary>Any scalar, read as its text (so a column named <c>2019</c> needs no quotes).</summary>
    String,

    /// <summary>One of <see cref="SpecKey.Allowed"/>, case-sensitive.</summary>
    Enum,

    /// <summary>A list of whole numbers.</summary>
    IntList,

    /// <summary>A list of numbers.</summary>
    FloatList,

    /// <summary>A list of strings.</summary>
    StringList,

    /// <summary>A list of distinct values from <see cref="SpecKey.Allowed"/>.</summary>
    EnumList,

    /// <summary>A nested mapping whose keys are <see cref="SpecKey.Children"/>.</summary>
    Section,

    /// <summary>A list of preprocessing steps (see <see cref="PreprocessingCatalog"/>).</summary>
    Steps,

    /// <summary>A list of models (trainer name, options, optional preprocessing).</summary>
    Models,

    /// <summary>
    /// A set of images: a path (a class-per-folder root, or a pixel CSV) or, for IDX, a mapping
    /// <c>{images, labels}</c> of two files (see <see cref="SpecFormat.ImageSetKeys"/>).
    /// </summary>
    ImageSet,

    /// <summary>Experiment files only: a list of datasets, each a pipeline spec file or an inline <c>data:</c> section.</summary>
    Datasets,

    /// <summary>A model's <c>tune:</c>: <c>true</c> / <c>false</c>, or a mapping of <see cref="TuningFormat.TuneKeys"/>.</summary>
    Tune,

    /// <summary>A search space: option name to one distribution (<see cref="TuningFormat.DistributionKinds"/>).</summary>
    SearchSpace,
}
