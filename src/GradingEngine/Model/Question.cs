using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

public sealed record Question(string Id, string Title, IReadOnlyList<Area> Areas, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;

    public Area? FindArea(string id)
    {
        for (var i = 0; i < Areas.Count; i++)
        {
            if (Areas[i].Id == id) return Areas[i];
        }
        return null;
    }
}
