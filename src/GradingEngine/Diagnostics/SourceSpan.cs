namespace GradingEngine.Diagnostics;

/// <summary>A place in a source file: 1-based line and column. Path is as the user gave it.</summary>
public readonly record struct SourceSpan(string Path, int Line, int Column)
{
    public static SourceSpan FileStart(string path) => new(path, 1, 1);

    /// <summary>A position further along the same line, e.g. a token inside a condition string.</summary>
    public SourceSpan Offset(int columns) => this with { Column = Column + columns };

    public override string ToString() => $"{Path}:{Line}:{Column}";
}
