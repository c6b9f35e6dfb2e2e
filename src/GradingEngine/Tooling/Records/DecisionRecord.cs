using System.Text;
using System.Text.Json;
using GradingEngine.Render;

namespace GradingEngine.Tooling.Records;

/// <summary>
/// The decision record format: the inputs in full (every rulebook file, the findings file and its
/// report), their canonical form, the whole trace, and a SHA-256 over all of that. Nothing in it
/// depends on the time or the machine, so grading the same inputs again gives the same record.
/// </summary>
internal static class DecisionRecord
{
    public const string Format = "gradingengine-decision-record/1";
    public const string HashKey = "sha256";

    /// <summary>
    /// The canonical bytes of a record: every member but <see cref="HashKey"/>, re-emitted by one
    /// writer. Creating and verifying both hash exactly this, so layout changes alone do not matter.
    /// </summary>
    public static byte[] CanonicalBody(JsonElement record)
    {
        var text = JsonRenderer.Write(w =>
        {
            w.WriteStartObject();
            foreach (var property in record.EnumerateObject())
            {
                if (property.NameEquals(HashKey)) continue;
                property.WriteTo(w);
            }
            w.WriteEndObject();
        });
        return Encoding.UTF8.GetBytes(text);
    }

    public static string Hash(JsonElement record) => Files.Sha256.Hex(CanonicalBody(record));

    /// <summary>Canonical JSON of one element, for byte-for-byte comparison of a recorded part with a recomputed one.</summary>
    public static string Canonical(JsonElement element) => JsonRenderer.Write(element.WriteTo);
}
