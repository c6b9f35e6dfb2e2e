using System.Text;
using GradingEngine.Load.Yaml;

namespace GradingEngine.Tests.Support;

/// <summary>
/// A YAML tree written out with everything the loaders read from it (kinds, values, positions, scalar sources, last
/// lines), so that two readers' trees compare as text: the tests and the `yaml` fuzz target hold BlockYaml to
/// YamlDotNet's tree this way.
/// </summary>
internal static class YamlTree
{
    public static string Describe(YNode node)
    {
        var sb = new StringBuilder();
        Write(node, sb, 0);
        return sb.ToString();
    }

    private static void Write(YNode node, StringBuilder sb, int depth)
    {
        sb.Append(' ', depth * 2);
        switch (node)
        {
            case YScalar s:
                sb.Append($"scalar {s.Span.Line}:{s.Span.Column} {s.Kind} [{s.Value}] src={s.Source?.Index}\n");
                break;
            case YMapping m:
                sb.Append($"map {m.Span.Line}:{m.Span.Column} last={m.LastLine}\n");
                foreach (var e in m.Entries)
                {
                    Write(e.Key, sb, depth + 1);
                    Write(e.Value, sb, depth + 2);
                }
                break;
            case YSequence q:
                sb.Append($"seq {q.Span.Line}:{q.Span.Column}\n");
                foreach (var i in q.Items) Write(i, sb, depth + 1);
                break;
        }
    }
}
