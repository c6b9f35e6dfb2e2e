using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

public sealed record Question(string Id, string Title, IReadOnlyList<Area> Areas, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    public Area? FindArea(string id) => Areas.FirstOrDefault(a => a.Id == id);
}
