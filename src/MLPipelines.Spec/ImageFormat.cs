namespace MLPipelines.Spec;

/// <summary>How image data is stored (<c>data.format</c>).</summary>
public enum ImageFormat
{
    /// <summary>IDX files (MNIST, Fashion-MNIST): an images file and a labels file per set, raw or gzip.</summary>
    Idx,

    /// <summary>One subfolder of image files (PNG, JPEG, BMP, ...) per class.</summary>
    Folders,

    /// <summary>A CSV file with a label column and one column per pixel.</summary>
    CsvPixels,
}
