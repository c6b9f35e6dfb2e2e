using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

internal sealed partial class RulebookLoader
{
    private Codebook ReadCodebook()
    {
        var m = MappingReader.Open(Read(CodebookFile), "codebook.yaml", _bag, "scales", "kinds", "indicators");
        var scales = ReadList(m?.Sequence("scales", required: false), "scale", ReadJudgementScale);
        var kinds = ReadList(m?.Sequence("kinds", required: false), "kind", ReadKind);
        var indicators = ReadList(m?.Sequence("indicators", required: true), "indicator", node => ReadIndicator(node, scales));
        m?.Finish();
        return new Codebook(scales, indicators, kinds);
    }

    private FindingKind? ReadKind(YNode node)
    {
        var m = MappingReader.Open(node, "kind", _bag, "id", "title", "direction");
        if (m is null) return null;
        var id = m.Id("id");
        var title = m.String("title", required: false);
        var direction = ReadDirection(m);
        m.Finish();
        return id is null || direction is null ? null : new FindingKind(id, title ?? id, direction.Value, m.Fields);
    }

    private JudgementScale? ReadJudgementScale(YNode node)
    {
        var m = MappingReader.Open(node, "scale", _bag, "id", "levels", "description");
        if (m is null) return null;
        var id = m.Id("id");
        m.String("description", required: false);
        var levelsNode = m.Sequence("levels", required: true);
        var levels = new List<string>();
        foreach (var item in levelsNode?.Items ?? [])
        {
            if (item is not YScalar s || !MappingReader.IsId(s.Value))
            {
                _bag.Error(DiagnosticCodes.InvalidId, item.Span, "a level must be an id such as `mostly-effective`");
            }
            else if (levels.Contains(s.Value))
            {
                _bag.Error(DiagnosticCodes.DuplicateId, s.Span, $"level `{s.Value}` appears twice in scale `{id}`");
            }
            else
            {
                levels.Add(s.Value);
            }
        }
        if (levelsNode is not null && levels.Count == 1)
        {
            _bag.Error(DiagnosticCodes.EmptyList, levelsNode.Span, "a judgement scale needs at least two levels");
        }
        m.Finish();
        return id is null ? null : new JudgementScale(id, levels, m.Fields);
    }

    private Indicator? ReadIndicator(YNode node, IReadOnlyList<JudgementScale> scales)
    {
        var m = MappingReader.Open(node, "indicator", _bag, "id", "question", "area", "description", "type", "scale", "unit", "kinds");
        if (m is null) return null;
        var id = m.Id("id");
        var question = m.Id("question");
        var area = m.Id("area");
        var description = m.String("description") ?? "";
        var typeScalar = m.Scalar("type", required: true);
        IndicatorType? type = typeScalar?.Value switch
        {
            null => null,
            "judgement" => IndicatorType.Judgement,
            "number" => IndicatorType.Number,
            "yes-no" => IndicatorType.YesNo,
            _ => null,
        };
        if (typeScalar is not null && type is null)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, typeScalar.Span, $"unknown indicator type `{typeScalar.Value}`",
                NameSuggester.Help(typeScalar.Value, ["judgement", "number", "yes-no"]) ?? "types are `judgement`, `number` and `yes-no`");
        }
        JudgementScale? scale = null;
        if (type == IndicatorType.Judgement)
        {
            var scaleId = m.Scalar("scale", required: true);
            if (scaleId is not null)
            {
                scale = scales.FirstOrDefault(s => s.Id == scaleId.Value);
                if (scale is null)
                {
                    _bag.Error(DiagnosticCodes.UnknownScale, scaleId.Span, $"unknown scale `{scaleId.Value}`", NameSuggester.Help(scaleId.Value, scales.Select(s => s.Id)));
                }
            }
        }
        else if (m.Has("scale") && type is not null)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, m.SpanOf("scale"), $"`scale` only applies to `judgement` indicators, not `{typeScalar!.Value}`");
        }
        if (m.Has("unit") && type is not null && type != IndicatorType.Number)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, m.SpanOf("unit"), "`unit` only applies to `number` indicators");
        }
        var unit = m.String("unit", required: false);
        var kinds = ReadIds(m.Sequence("kinds", required: false), "kind");
        m.Finish();
        if (id is null || question is null || area is null || type is null || (type == IndicatorType.Judgement && scale is null))
        {
            return null;
        }
        return new Indicator(id, question, area, description, type.Value, scale, unit, m.Fields) { Kinds = kinds };
    }

    /// <summary>A list of ids, each checked to be one; the checker resolves them.</summary>
    private List<string> ReadIds(YSequence? sequence, string what)
    {
        var ids = new List<string>();
        foreach (var item in sequence?.Items ?? [])
        {
            if (item is YScalar s && MappingReader.IsId(s.Value))
            {
                ids.Add(s.Value);
            }
            else
            {
                _bag.Error(DiagnosticCodes.InvalidId, item.Span, $"a {what} must be an id such as `cause-of-concern`");
            }
        }
        return ids;
    }
}
