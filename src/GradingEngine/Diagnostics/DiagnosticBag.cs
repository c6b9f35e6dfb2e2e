namespace GradingEngine.Diagnostics;

/// <summary>Collects diagnostics during one pass so that every problem is reported, not just the first.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public bool HasErrors => _items.Exists(d => d.IsError);

    public int Count => _items.Count;

    public int ErrorCount => _items.Count(d => d.IsError);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Error(string code, SourceSpan span, string message, string? help = null) =>
        _items.Add(Diagnostic.Error(code, span, message, help));

    public void Warning(string code, SourceSpan span, string message, string? help = null) =>
        _items.Add(Diagnostic.Warning(code, span, message, help));

    /// <summary>Sorted by file, line, column, then code: output never depends on discovery order.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() => Sort(_items);

    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Distinct()
            .OrderBy(d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Span.Line)
            .ThenBy(d => d.Span.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)
            .ToList();
}
