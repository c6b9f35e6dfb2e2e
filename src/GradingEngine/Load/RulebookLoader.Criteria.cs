using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

internal sealed partial class RulebookLoader
{
    private List<Criterion> ReadCriteria(IReadOnlyList<Question> questions)
    {
        var folder = PathOf(CriteriaFolder);
        var names = _source.FilesIn(CriteriaFolder);
        if (names is null)
        {
            _bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(folder), "criteria folder not found", "put criteria in `criteria/*.yaml`");
            return [];
        }
        var files = names
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.Combine(CriteriaFolder, f))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count > _limits.MaxRulebookFiles)
        {
            _bag.Error(DiagnosticCodes.FileTooLarge, SourceSpan.FileStart(folder), $"more than {_limits.MaxRulebookFiles} criteria files");
            return [];
        }
        var criteria = new List<Criterion>();
        foreach (var file in files)
        {
            var m = MappingReader.Open(Read(file), file, _bag, "criteria", "templates");
            if (m is null) continue;
            // A file holds criteria written out, templates written once for several questions, or both.
            var templates = m.Sequence("templates", required: false);
            criteria.AddRange(ReadList(m.Sequence("criteria", required: templates is null), "criterion", ReadCriterion));
            foreach (var template in templates?.Items ?? [])
            {
                criteria.AddRange(ReadTemplate(template, questions));
            }
            m.Finish();
        }
        return criteria;
    }

    private Criterion? ReadCriterion(YNode node)
    {
        var m = MappingReader.Open(node, "criterion", _bag, "id", "question", "area", "title", "rationale", "when", "effect", "weight", "message");
        if (m is null) return null;
        var id = m.Id("id");
        var question = m.Id("question");
        var area = m.Id("area");
        var title = m.String("title");
        var rationale = m.String("rationale");
        var when = ReadCondition(m, "when", required: true);
        var effect = ReadEffectId(m);
        var weight = m.Has("weight") ? m.Int("weight", required: false, 1, 100) : 1;
        var message = m.String("message");
        m.Finish();
        // Keep a criterion whose own fields had errors (already reported) when it can still be
        // checked: its other problems, such as an unknown indicator in `when`, are reported too.
        if (id is null || question is null || area is null || when is null || effect is null)
        {
            return null;
        }
        return new Criterion(id, question, area, title ?? "", rationale ?? "", when, effect, weight ?? 1, message ?? "", m.Fields);
    }

    /// <summary>A criterion's effect, which must be one rulebook.yaml declares (when it declares any: else that is the error).</summary>
    private string? ReadEffectId(MappingReader m)
    {
        var effectScalar = m.Scalar("effect", required: true);
        if (effectScalar is not null && _effects.Count > 0 && _effects.All(e => e.Id != effectScalar.Value))
        {
            _bag.Error(DiagnosticCodes.InvalidValue, effectScalar.Span, $"unknown effect `{effectScalar.Value}`",
                NameSuggester.Help(effectScalar.Value, _effects.Select(e => e.Id)) ??
                $"effects are: {string.Join(", ", _effects.Select(e => $"`{e.Id}`"))}");
        }
        return effectScalar?.Value;
    }
}
