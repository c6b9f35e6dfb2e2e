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
        var m = MappingReader.Open(node, "scale", _bag, "id", "levels", "range", "better", "description");
        if (m is null) return null;
        var id = m.Id("id");
        m.String("description", required: false);
        if (m.Has("range") || m.Has("better") && !m.Has("levels"))
        {
            return ReadNumericScale(m, id);
        }
        if (m.Has("better"))
        {
            _bag.Error(DiagnosticCodes.InvalidValue, m.SpanOf("better"), "`better` only applies to a scale with a `range`",
                "a scale of `levels` lists them best first");
        }
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

    /// <summary>
    /// A scale of scores, `range: {min: 1, max: 4}` with `better: higher` (or `lower`): its levels are the whole numbers of the
    /// range, and its judgements compare as numbers.
    /// </summary>
    private JudgementScale? ReadNumericScale(MappingReader m, string? id)
    {
        if (m.Has("levels"))
        {
            _bag.Error(DiagnosticCodes.InvalidValue, m.SpanOf("levels"), "a scale has `levels` or a `range` of scores, not both");
        }
        var range = MappingReader.Open(m.Mapping("range", required: true), "`range`", _bag, "min", "max");
        var min = range?.Int("min", required: true, -MaxScore, MaxScore);
        var max = range?.Int("max", required: true, -MaxScore, MaxScore);
        range?.Finish();
        if (min is not null && max is not null && (max <= min || max - min > MaxScores))
        {
            _bag.Error(DiagnosticCodes.InvalidValue, range!.Span, $"a range of scores needs `max` above `min` and at most {MaxScores} steps between them, found {min} to {max}");
            min = null;
        }
        var better = m.Scalar("better", required: true);
        bool? higher = better?.Value switch
        {
            "higher" => true,
            "lower" => false,
            _ => null,
        };
        if (better is not null && higher is null)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, better.Span, $"unknown `better` value `{better.Value}`",
                NameSuggester.Help(better.Value, ["higher", "lower"]) ?? "`better` is `higher` or `lower`: which end of the range is the best score");
        }
        m.Finish();
        if (id is null || min is null || max is null || higher is null) return null;
        var scores = new ScoreRange(min.Value, max.Value, higher.Value);
        return new JudgementScale(id, scores.Levels(), m.Fields) { Scores = scores };
    }

    /// <summary>Scores lie within plus or minus this, and a range has at most <see cref="MaxScores"/> steps: its levels are listed.</summary>
    private const int MaxScore = 1_000_000;

    private const int MaxScores = 100;

    private Indicator? ReadIndicator(YNode node, IReadOnlyList<JudgementScale> scales)
    {
        var m = MappingReader.Open(node, "indicator", _bag, "id", "question", "area", "description", "type", "scale", "unit", "kinds", "once");
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
        var once = m.Has("once") && m.Bool("once", required: false) == true;
        m.Finish();
        if (id is null || question is null || area is null || type is null || (type == IndicatorType.Judgement && scale is null))
        {
            return null;
        }
        return new Indicator(id, question, area, description, type.Value, scale, unit, m.Fields) { Kinds = kinds, Once = once };
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
