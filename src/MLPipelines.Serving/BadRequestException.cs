namespace MLPipelines.Serving;

/// <summary>A request the server refuses with 400 and this message (which names the field at fault).</summary>
public sealed class BadRequestException : Exception
{
    public BadRequestException()
    {
    }

    public BadRequestException(string message)
        : base(message)
    {
    }

    public BadRequestException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The field at fault, e.g. <c>rows[3].tenure</c>, when there is one.</summary>
    public string? Field { get; private init; }

    /// <summary>A refusal naming <paramref name="field"/>: the message reads <c>FIELD: MESSAGE</c>.</summary>
    public static BadRequestException At(string field, string message) => new($"{field}: {message}") { Field = field };
}
