using GradingEngine.Diagnostics;
using GradingEngine.Load.Conditions;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

internal sealed partial class RulebookLoader
{
    /// <summary>What a template writes where the question id goes.</summary>
    public const string QuestionPlaceholder = "{question}";

    /// <summary>
    /// A template: criteria written once, copied for every question (or those listed under `questions`) with the question
    /// id put in place of `{question}` in their id, area, title, rationale, condition and message. Each copy is located at
    /// the template and knows the question it is for, so diagnostics and traces can say both.
    /// </summary>
    private IEnumerable<Criterion> ReadTemplate(YNode node, IReadOnlyList<Question> questions)
    {
        var m = MappingReader.Open(node, "template", _bag, "questions", "criteria");
        if (m is null) return [];
        var targets = questions.Select(q => q.Id).ToList();
        if (m.Sequence("questions", required: false) is { } listed)
        {
            targets = [];
            foreach (var item in listed.Items)
            {
                if (item is not YScalar s || !MappingReader.IsId(s.Value))
                {
                    _bag.Error(DiagnosticCodes.InvalidId, item.Span, "a question must be an id such as `Q1`");
                }
                else if (questions.All(q => q.Id != s.Value))
                {
                    // Without rulebook.yaml's questions every name would be an echo of that error.
                    if (questions.Count > 0)
                    {
                        _bag.Error(DiagnosticCodes.UnknownQuestion, s.Span, $"unknown question `{s.Value}`", NameSuggester.Help(s.Value, questions.Select(q => q.Id)));
                    }
                }
                else if (targets.Contains(s.Value))
                {
                    _bag.Error(DiagnosticCodes.DuplicateId, s.Span, $"question `{s.Value}` is listed twice");
                }
                else
                {
                    targets.Add(s.Value);
                }
            }
        }
        var written = m.Sequence("criteria", required: true);
        m.Finish();
        var copies = new List<Criterion>();
        foreach (var criterion in written?.Items ?? [])
        {
            copies.AddRange(ReadTemplateCriterion(criterion, targets));
        }
        return copies;
    }

    private IEnumerable<Criterion> ReadTemplateCriterion(YNode node, IReadOnlyList<string> questions)
    {
        var m = MappingReader.Open(node, "template criterion", _bag, "id", "area", "title", "rationale", "when", "effect", "weight", "message");
        if (m is null) return [];
        var id = m.Scalar("id", required: true);
        var area = m.Scalar("area", required: true);
        var title = m.String("title");
        var rationale = m.String("rationale");
        var when = m.Scalar("when", required: true);
        var effect = ReadEffectId(m);
        var weight = m.Has("weight") ? m.Int("weight", required: false, 1, 100) : 1;
        var message = m.String("message");
        m.Finish();
        if (id is not null && questions.Count > 1 && !id.Value.Contains(QuestionPlaceholder, StringComparison.Ordinal))
        {
            _bag.Error(DiagnosticCodes.InvalidId, id.Span, $"every copy of this template would have the id `{id.Value}`",
                $"put `{QuestionPlaceholder}` in the id, e.g. `{QuestionPlaceholder}.{id.Value}`");
            return [];
        }
        if (id is null || area is null || when is null || effect is null) return [];
        var copies = new List<Criterion>();
        foreach (var question in questions)
        {
            var copyId = Fill(id.Value, question);
            var copyArea = Fill(area.Value, question);
            if (!MappingReader.IsId(copyId) || !MappingReader.IsId(copyArea))
            {
                _bag.Error(DiagnosticCodes.InvalidId, (MappingReader.IsId(copyId) ? area : id).Span,
                    $"`{(MappingReader.IsId(copyId) ? copyArea : copyId)}` is not a valid id (for question `{question}`)",
                    "use letters, digits, `.`, `-` and `_`, starting with a letter or digit");
                continue;
            }
            var (text, writtenAt) = FillMapped(when.Value, question);
            var condition = ConditionParser.Parse(text, when.Spans, writtenAt, _limits, _bag);
            if (condition is null) continue;
            copies.Add(new Criterion(copyId, question, copyArea, Fill(title ?? "", question), Fill(rationale ?? "", question), condition,
                effect, weight ?? 1, Fill(message ?? "", question), m.Fields) { Template = new TemplateOrigin(m.Span, question) });
        }
        return copies;
    }

    private static string Fill(string text, string question) => text.Replace(QuestionPlaceholder, question, StringComparison.Ordinal);

    /// <summary>The text with the question id in place of each `{question}`, and where each of its characters is in the text as written.</summary>
    private static (string Text, int[] WrittenAt) FillMapped(string text, string question)
    {
        var filled = new System.Text.StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length;)
        {
            if (string.CompareOrdinal(text, i, QuestionPlaceholder, 0, QuestionPlaceholder.Length) == 0)
            {
                filled.Append(question);
                map.AddRange(Enumerable.Repeat(i, question.Length));
                i += QuestionPlaceholder.Length;
                continue;
            }
            filled.Append(text[i]);
            map.Add(i++);
        }
        map.Add(text.Length);
        return (filled.ToString(), [.. map]);
    }
}
