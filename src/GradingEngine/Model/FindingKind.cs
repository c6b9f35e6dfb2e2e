using GradingEngine.Diagnostics;

namespace GradingEngine.Model;

/// <summary>
/// A label an inspector may put on a finding, as the framework names them (an area for improvement, a cause of concern):
/// criteria test it as `f.kind`, thresholds and limits count the findings that carry it as `findings.<id>`.
/// </summary>
public sealed record FindingKind(string Id, string Title, Direction Direction, FieldSpans Fields)
{
    public SourceSpan Span => Fields.Whole;
}
