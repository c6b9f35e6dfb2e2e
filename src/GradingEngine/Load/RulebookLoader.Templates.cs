using GradingEngine.Diagnostics;
using GradingEngine.Load.Conditions;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

internal sealed partial class RulebookLoader
{
    /// <summary>What a template writes where the question id goes.</summary>
    public const string QuestionPlaceholder = "{question}";

    /// <summary>What a template copied per area (`each: area`) writes where the area's id and title go.</summary>
    public const string AreaPlaceholder = "{area}";

    public const string AreaTitlePlaceholder = "{area-title}";

    /// <summary>
    /// A template: criteria written once, copied for every question (or those listed under `questions`), or with
    /// `each: area` for every area of those questions, with the question id in place of `{question}` (and the area's id
    /// and title in place of `{area}` and `{area-title}`) in their id, area, title, rationale, condition and message. Each
    /// copy is located at the template and knows what it is for, so diagnostics and traces can say both.
    /// </summary>
    private IEnumerable<Criterion> ReadTemplate(YNode node, IReadOnlyList<Question> questions)
    {
        var m = MappingReader.Open(node, "template", _bag, "questions", "each", "criteria");
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
        var perArea = false;
        if (m.Scalar("each", required: false) is { } each)
        {
            if (each.Value is "area") perArea = true;
            else if (each.Value is not "question")
            {
                _bag.Error(DiagnosticCodes.InvalidValue, each.Span, $"`each` must be `question` or `area`, found `{each.Value}`",
                    "`each: area` copies the template for every area of its questions");
            }
        }
        var written = m.Sequence("criteria", required: true);
        m.Finish();
        var copies = targets.SelectMany(q => perArea
            ? questions.First(x => x.Id == q).Areas.Select(a => new Copy(q, a.Id, a.Title))
            : [new Copy(q, null, null)]).ToList();
        var result = new List<Criterion>();
        foreach (var criterion in written?.Items ?? [])
        {
            result.AddRange(ReadTemplateCriterion(criterion, copies, perArea, targets.Count));
        }
        return result;
    }

    /// <summary>One copy of a template: its question, and its area when the template is copied per area.</summary>
    private sealed record Copy(string Question, string? Area, string? AreaTitle)
    {
        public string Fill(string text)
        {
            text = text.Replace(QuestionPlaceholder, Question, StringComparison.Ordinal);
            return Area is null ? text : text.Replace(AreaPlaceholder, Area, StringComparison.Ordinal).Replace(AreaTitlePlaceholder, AreaTitle, StringComparison.Ordinal);
        }

        public IEnumerable<(string Placeholder, string Value)> Placeholders =>
            Area is null ? [(QuestionPlaceholder, Question)] : [(QuestionPlaceholder, Question), (AreaPlaceholder, Area), (AreaTitlePlaceholder, AreaTitle!)];
    }

    private IEnumerable<Criterion> ReadTemplateCriterion(YNode node, IReadOnlyList<Copy> copies, bool perArea, int questionCount)
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
        // Copies for several questions need the question in their id; copies per area, the area too.
        var needed = new List<string>();
        if (questionCount > 1 && !id?.Value.Contains(QuestionPlaceholder, StringComparison.Ordinal) == true) needed.Add(QuestionPlaceholder);
        if (perArea && !id?.Value.Contains(AreaPlaceholder, StringComparison.Ordinal) == true) needed.Add(AreaPlaceholder);
        if (id is not null && needed.Count > 0)
        {
            _bag.Error(DiagnosticCodes.InvalidId, id.Span, $"copies of this template would share the id `{id.Value}`",
                $"put {string.Join(" and ", needed.Select(p => $"`{p}`"))} in the id, e.g. `{string.Concat(needed.Select(p => p + "."))}{id.Value}`");
            return [];
        }
        if (id is null || area is null || when is null || effect is null) return [];
        var criteria = new List<Criterion>();
        foreach (var copy in copies)
        {
            var origin = new TemplateOrigin(m.Span, copy.Question, copy.Area);
            var copyId = copy.Fill(id.Value);
            var copyArea = copy.Fill(area.Value);
            if (!MappingReader.IsId(copyId) || !MappingReader.IsId(copyArea))
            {
                _bag.Error(DiagnosticCodes.InvalidId, (MappingReader.IsId(copyId) ? area : id).Span,
                    $"`{(MappingReader.IsId(copyId) ? copyArea : copyId)}` is not a valid id ({origin.For})",
                    "use letters, digits, `.`, `-` and `_`, starting with a letter or digit");
                continue;
            }
            var (text, writtenAt) = FillMapped(when.Value, copy);
            var condition = ConditionParser.Parse(text, when.Spans, writtenAt, _limits, _bag, _tokens);
            if (condition is null) continue;
            criteria.Add(new Criterion(copyId, copy.Question, copyArea, copy.Fill(title ?? ""), copy.Fill(rationale ?? ""), condition,
                effect, weight ?? 1, copy.Fill(message ?? ""), m.Fields) { Template = origin });
        }
        return criteria;
    }

    /// <summary>The text with each placeholder filled in, and where each of its characters is in the text as written.</summary>
    private static (string Text, int[] WrittenAt) FillMapped(string text, Copy copy)
    {
        var placeholders = copy.Placeholders.ToArray();
        var filled = new System.Text.StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length;)
        {
            var match = Array.FindIndex(placeholders, p => string.CompareOrdinal(text, i, p.Placeholder, 0, p.Placeholder.Length) == 0);
            if (match >= 0)
            {
                var (placeholder, value) = placeholders[match];
                filled.Append(value);
                map.AddRange(Enumerable.Repeat(i, value.Length));
                i += placeholder.Length;
                continue;
            }
            filled.Append(text[i]);
            map.Add(i++);
        }
        map.Add(text.Length);
        return (filled.ToString(), [.. map]);
    }
}
