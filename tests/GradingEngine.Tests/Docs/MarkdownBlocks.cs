using System.Text.RegularExpressions;

namespace GradingEngine.Tests.Docs;

/// <summary>Fenced code blocks of a Markdown file, each with the HTML comment that labels it (if any).</summary>
public static partial class MarkdownBlocks
{
    public sealed record Block(string Label, string Content);

    public static IReadOnlyList<Block> Read(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        return LabelledBlock().Matches(text)
            .Select(m => new Block(m.Groups["label"].Value.Trim(), m.Groups["body"].Value))
            .ToList();
    }

    [GeneratedRegex(@"<!--(?<label>[^>]*)-->\n```[a-z]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex LabelledBlock();
}
