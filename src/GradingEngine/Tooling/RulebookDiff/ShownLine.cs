namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>
/// A line of an item as the text report shows it: <see cref="Mark"/> is ` ` (in both versions), `-` (removed),
/// `+` (added) or `~` (in both, changed within: its spans say where).
/// </summary>
internal sealed record ShownLine(char Mark, IReadOnlyList<DiffSpan> Spans);
