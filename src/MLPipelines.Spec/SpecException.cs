namespace MLPipelines.Spec;

/// <summary>
/// A pipeline definition is invalid: bad input, not a program failure. Holds every problem found, sorted by
/// position; <see cref="Exception.Message"/> is their lines joined by newlines, ready to print. The CLI maps it to
/// exit code 2 and prints no stack trace. Build it through the factory methods.
/// </summary>
public sealed class SpecException : Exception
{
    private SpecException(IReadOnlyList<SpecError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    /// <summary>Required by CA1032; prefer the factory methods.</summary>
    public SpecException()
        : this([new SpecError(null, "", "invalid pipeline definition")])
    {
    }

    /// <summary>Required by CA1032; prefer the factory methods.</summary>
    public SpecException(string message)
        : this([new SpecError(null, "", message)])
    {
    }

    /// <summary>Required by CA1032; prefer the factory methods.</summary>
    public SpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new SpecError(null, "", message)];
    }

    /// <summary>Every problem found, sorted by file position.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    /// <summary>All <paramref name="errors"/> (at least one), sorted by position.</summary>
    public static SpecException FromErrors(IEnumerable<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var sorted = errors.ToList();
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A SpecException needs at least one error.", nameof(errors));
        }

        sorted.Sort(SpecError.Compare);
        return new SpecException(sorted);
    }

    /// <summary>
    /// A problem found after loading (e.g. by the data reader: the label column is not in the CSV header), reported
    /// at the position where <paramref name="keyPath"/> (or its closest written parent) was written.
    /// </summary>
    /// <example><c>throw SpecException.ForKey(spec, "data.label", "column 'lettr' is not in the header; did you mean 'letter'?");</c></example>
    public static SpecException ForKey(PipelineSpec spec, string keyPath, string message)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new SpecException([new SpecError(spec.LocationOf(keyPath), keyPath, message)]);
    }

    /// <summary>The spec file itself cannot be read (missing, a directory, unreadable): <c>x.yaml: file not found</c>.</summary>
    public static SpecException FileProblem(string displayPath, string message) =>
        new([new SpecError(null, "", $"{displayPath}: {message}")]);

    /// <summary>A command-line value that overrides a spec key is invalid, e.g. <c>--seed -1</c>.</summary>
    public static SpecException CommandLine(string option, string message) =>
        new([new SpecError(null, option, message)]);
}
