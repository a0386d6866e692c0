using MLPipelines.Data;
using MLPipelines.Data.Images;
using MLPipelines.Results.Csv;
using MLPipelines.Spec;

namespace MLPipelines.Cli.Infrastructure;

/// <summary>The cheap data checks before training, for tables and images alike.</summary>
internal static class DataChecks
{
    /// <summary>
    /// Checks the data file's header (tabular: label and overridden columns exist) or the image files' headers
    /// (IDX dimensions, pixel CSV columns, class folders), and returns a one-line description of the data.
    /// </summary>
    /// <exception cref="SpecException">A named column is missing (at its spec key).</exception>
    /// <exception cref="DataFileException">The table cannot be read.</exception>
    /// <exception cref="ImageDataException">An image file or folder does not fit.</exception>
    public static string CheckHeaders(PipelineSpec spec)
    {
        if (spec.Data.Kind == DataKind.Images)
        {
            return ImageDatasetLoader.CheckHeaders(spec);
        }

        DatasetLoader.CheckHeader(spec);
        return $"{DisplayPath.Of(spec.Data.Path)} (label '{spec.Data.Label}')";
    }
}
