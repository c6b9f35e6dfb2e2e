namespace GradingEngine.Diagnostics;

/// <summary>A value, or the diagnostics that prevented it; warnings may accompany either.</summary>
public sealed record Result<T>(T? Value, IReadOnlyList<Diagnostic> Diagnostics)
    where T : class
{
    public bool Succeeded => Value is not null && !Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    public static Result<T> Ok(T value, IReadOnlyList<Diagnostic> warnings) => new(value, warnings);

    public static Result<T> Fail(IReadOnlyList<Diagnostic> diagnostics) => new(null, diagnostics);
}
