using GradingEngine.Render;

namespace GradingEngine.Tooling.Records;

/// <summary>What `verify` found: each part checked, then each mismatch, or that the record verifies.</summary>
public static class VerificationRenderer
{
    public static string RenderText(RecordVerification verification)
    {
        var o = new TextOutput();
        if (verification.Unreadable is { } reason)
        {
            o.Line($"{verification.RecordPath}: unreadable: {reason}");
            return o.ToString();
        }
        var files = verification.Checked.Count(c => c.StartsWith("rulebook file ", StringComparison.Ordinal));
        var others = verification.Checked.Where(c => !c.StartsWith("rulebook file ", StringComparison.Ordinal)).ToList();
        others.Insert(Math.Min(1, others.Count), $"{files} rulebook files");
        o.Wrapped($"{verification.RecordPath}: checked ", string.Join(", ", others));
        foreach (var mismatch in verification.Mismatches)
        {
            o.Wrapped($"  MISMATCH {mismatch.Part}: ", mismatch.Message);
        }
        o.Line($"{(verification.Verified ? "verified: the record is exactly what the engine produces from its inputs" : $"not verified: {verification.Mismatches.Count} mismatch{(verification.Mismatches.Count == 1 ? "" : "es")}")}");
        return o.ToString();
    }

    public static string RenderJson(RecordVerification verification) => JsonRenderer.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("record", verification.RecordPath.Replace('\\', '/'));
        w.WriteBoolean("verified", verification.Verified);
        if (verification.Unreadable is { } reason) w.WriteString("unreadable", reason);
        w.WriteStartArray("checked");
        foreach (var part in verification.Checked) w.WriteStringValue(part);
        w.WriteEndArray();
        w.WriteStartArray("mismatches");
        foreach (var m in verification.Mismatches)
        {
            w.WriteStartObject();
            w.WriteString("part", m.Part);
            w.WriteString("message", m.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
