namespace GradingEngine.Tooling.RulebookDiff;

/// <summary>A run of one line's text: in both versions of the line, only in the old one, or only in the new one.</summary>
internal sealed record DiffSpan(DiffOp Op, string Text);
