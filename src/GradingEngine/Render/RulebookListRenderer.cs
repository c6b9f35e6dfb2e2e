using GradingEngine.Model;

namespace GradingEngine.Render;

/// <summary>`rules list`: the embedded rulebooks, one line each, or JSON.</summary>
public static class RulebookListRenderer
{
    public static string RenderText(IReadOnlyList<Rulebook> rulebooks)
    {
        var o = new TextOutput();
        var width = rulebooks.Select(r => r.Id.Length).Append("id".Length).Max();
        var versions = rulebooks.Select(r => r.Version.Length).Append("version".Length).Max();
        o.Line($"{"id".PadRight(width)}  {"version".PadRight(versions)}  title");
        foreach (var r in rulebooks) o.Line($"{r.Id.PadRight(width)}  {r.Version.PadRight(versions)}  {r.Title}");
        return o.ToString();
    }

    public static string RenderJson(IReadOnlyList<Rulebook> rulebooks) => JsonRenderer.Write(w =>
    {
        w.WriteStartArray();
        foreach (var r in rulebooks)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("version", r.Version);
            w.WriteString("title", r.Title);
            w.WriteString("contentHash", "sha256:" + r.ContentHash);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });
}
