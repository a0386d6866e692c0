namespace MLPipelines.Data.Images;

/// <summary>An image file left out because it could not be read (only with <c>skip_unreadable: true</c>).</summary>
/// <param name="Path">The file, as found under the dataset folder.</param>
/// <param name="Reason">Why it could not be used, e.g. <c>cannot be decoded: unknown image type</c>.</param>
public sealed record SkippedImage(string Path, string Reason);
