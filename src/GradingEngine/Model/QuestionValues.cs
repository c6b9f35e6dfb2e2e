namespace GradingEngine.Model;

/// <summary>
/// The named values of a rulebook (values.yaml): those every question has, and per question its own. A question's own
/// value takes the place of a default of the same id; its other values come after the defaults.
/// </summary>
public sealed record QuestionValues(IReadOnlyList<NamedValue> Default, IReadOnlyDictionary<string, IReadOnlyList<NamedValue>> PerQuestion)
{
    public static QuestionValues None { get; } = new([], new Dictionary<string, IReadOnlyList<NamedValue>>(StringComparer.Ordinal));

    public bool IsEmpty => Default.Count == 0 && PerQuestion.Values.All(v => v.Count == 0);

    /// <summary>Every value id of the rulebook, once: the defaults in the order written, then each question's own (questions in id order).</summary>
    public IReadOnlyList<string> Ids { get; } = [.. Default.Select(v => v.Id)
        .Concat(PerQuestion.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value.Select(v => v.Id)))
        .Distinct(StringComparer.Ordinal)];

    /// <summary>The values of one question, in the order of <see cref="Ids"/>.</summary>
    public IReadOnlyList<NamedValue> For(string questionId)
    {
        var own = PerQuestion.GetValueOrDefault(questionId) ?? [];
        var byId = Default.Concat(own).GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return [.. Ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    /// <summary>The position of a value id in <see cref="Ids"/>, or -1.</summary>
    public int IndexOf(string id)
    {
        for (var i = 0; i < Ids.Count; i++)
        {
            if (Ids[i] == id) return i;
        }
        return -1;
    }
}
