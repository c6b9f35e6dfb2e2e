using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

internal sealed partial class RulebookLoader
{
    private (GradeTable Default, IReadOnlyDictionary<string, GradeTable> PerQuestion) ReadThresholds()
    {
        var m = MappingReader.Open(Read(ThresholdsFile), "thresholds.yaml", _bag, "default", "questions");
        var defaults = ReadTable(m?.Sequence("default", required: true), "default", m?.Span ?? SourceSpan.FileStart(PathOf(ThresholdsFile)));
        var perQuestion = new SortedDictionary<string, GradeTable>(StringComparer.Ordinal);
        var questions = m?.Mapping("questions", required: false);
        foreach (var entry in questions?.Entries ?? [])
        {
            if (entry.Value is not YSequence sequence)
            {
                _bag.Error(DiagnosticCodes.WrongType, entry.Value.Span, $"expected the thresholds of `{entry.Key.Value}` to be a list of grade rules, found {entry.Value.KindName}");
                continue;
            }
            perQuestion[entry.Key.Value] = ReadTable(sequence, entry.Key.Value, entry.Key.Span);
        }
        m?.Finish();
        return (defaults, perQuestion);
    }

    private GradeTable ReadRollup()
    {
        var m = MappingReader.Open(Read(RollupFile), "rollup.yaml", _bag, "overall");
        var table = ReadTable(m?.Sequence("overall", required: true), "overall", m?.Span ?? SourceSpan.FileStart(PathOf(RollupFile)));
        m?.Finish();
        return table;
    }

    private GradeTable ReadTable(YSequence? sequence, string name, SourceSpan span)
    {
        var limit = Math.Min(_limits.MaxTableRules, LoadLimits.TableRulesCeiling);
        if (sequence is not null && sequence.Items.Count > limit)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, sequence.Span, $"grade table `{name}` has {sequence.Items.Count} rules, over the limit of {limit}");
            return new GradeTable(name, [], FieldSpans.None(sequence.Span));
        }
        return new GradeTable(name, ReadList(sequence, "grade rule", ReadGradeRule), FieldSpans.None(sequence?.Span ?? span));
    }

    private GradeRule? ReadGradeRule(YNode node)
    {
        var m = MappingReader.Open(node, "grade rule", _bag, "grade", "when", "otherwise", "because");
        if (m is null) return null;
        var grade = m.Id("grade");
        var because = m.String("because", required: false);
        Condition? when = null;
        var valid = true;
        if (m.Has("when") && m.Has("otherwise"))
        {
            _bag.Error(DiagnosticCodes.InvalidValue, m.SpanOf("otherwise"), "a grade rule has `when` or `otherwise: true`, not both");
            valid = false;
        }
        else if (m.Has("otherwise"))
        {
            if (m.Bool("otherwise", required: true) is not true)
            {
                _bag.Error(DiagnosticCodes.InvalidValue, m.SpanOf("otherwise"), "`otherwise` can only be `true`", "remove it and give a `when` condition instead");
                valid = false;
            }
        }
        else if (m.Has("when"))
        {
            when = ReadCondition(m, "when", required: true);
            valid = when is not null;
        }
        else
        {
            _bag.Error(DiagnosticCodes.MissingKey, m.Span, "a grade rule needs `when: <condition>` or `otherwise: true`");
            valid = false;
        }
        m.Finish();
        return grade is null || !valid ? null : new GradeRule(grade, when, because, m.Fields);
    }
}
