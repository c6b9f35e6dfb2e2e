namespace GradingEngine.Render;

/// <summary>
/// How a text report is laid out: the column it wraps at (a terminal's width; <see cref="DefaultWidth"/> in a
/// file or a pipe, so saved output is the same everywhere) and whether it shows only the summary and the rows
/// that decided each grade.
/// </summary>
public sealed record TextLayout(int Width = TextLayout.DefaultWidth, bool Brief = false)
{
    public const int DefaultWidth = 96;

    /// <summary>Narrower terminals still get this width: below it the indented trace no longer reads.</summary>
    public const int MinimumWidth = 40;

    public static TextLayout Default { get; } = new();

    /// <summary>The width to wrap at for a terminal of <paramref name="columns"/>; one column is left free so a full line does not wrap twice.</summary>
    public static int ForTerminal(int columns) => Math.Max(MinimumWidth, columns - 1);
}
