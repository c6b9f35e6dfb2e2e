using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

internal sealed partial class RulebookLoader
{
    private QuestionGrading ReadThresholds()
    {
        var m = MappingReader.Open(Read(ThresholdsFile), "thresholds.yaml", _bag, "default", "questions", "requires", "limits");
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
        var (requirements, questionRequirements) = ReadPerQuestion(m?.Mapping("requires", required: false), "requires", "requirement", ReadRequirement);
        var (limits, questionLimits) = ReadPerQuestion(m?.Mapping("limits", required: false), "limits", "limit", ReadLimit);
        m?.Finish();
        return new QuestionGrading(defaults, perQuestion, requirements, questionRequirements, limits, questionLimits);
    }

    /// <summary>A section with a `default` list for every question and `questions` lists that replace it for some.</summary>
    private (IReadOnlyList<T> Default, IReadOnlyDictionary<string, IReadOnlyList<T>> PerQuestion) ReadPerQuestion<T>(
        YMapping? section, string name, string what, Func<YNode, T?> read)
        where T : class
    {
        var perQuestion = new SortedDictionary<string, IReadOnlyList<T>>(StringComparer.Ordinal);
        var m = MappingReader.Open(section, $"`{name}`", _bag, "default", "questions");
        if (m is null) return ([], perQuestion);
        var defaults = ReadList(m.Sequence("default", required: false, nonEmpty: false), what, read);
        foreach (var entry in m.Mapping("questions", required: false)?.Entries ?? [])
        {
            if (entry.Value is not YSequence sequence)
            {
                _bag.Error(DiagnosticCodes.WrongType, entry.Value.Span, $"expected the {name} of `{entry.Key.Value}` to be a list, found {entry.Value.KindName}");
                continue;
            }
            perQuestion[entry.Key.Value] = ReadList(sequence, what, read);
        }
        m.Finish();
        return (defaults, perQuestion);
    }

    private Requirement? ReadRequirement(YNode node)
    {
        var m = MappingReader.Open(node, "requirement", _bag, "when", "because");
        if (m is null) return null;
        var when = ReadCondition(m, "when", required: true);
        var because = m.String("because");
        m.Finish();
        return when is null || because is null ? null : new Requirement(when, because, m.Fields);
    }

    private Limit? ReadLimit(YNode node)
    {
        var m = MappingReader.Open(node, "limit", _bag, "no-better-than", "no-worse-than", "when", "because");
        if (m is null) return null;
        var (kind, key) = (m.Has("no-better-than"), m.Has("no-worse-than")) switch
        {
            (true, false) => ((LimitKind?)LimitKind.NoBetterThan, "no-better-than"),
            (false, true) => (LimitKind.NoWorseThan, "no-worse-than"),
            _ => (null, (string?)null),
        };
        if (key is null)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, m.Span, "a limit has one of `no-better-than: <grade>` (a cap) and `no-worse-than: <grade>` (a floor)");
        }
        var grade = key is null ? null : m.Id(key);
        var when = ReadCondition(m, "when", required: true);
        var because = m.String("because", required: false);
        m.Finish();
        return kind is null || grade is null || when is null ? null : new Limit(kind.Value, grade, when, because, m.Fields);
    }

    private RollupPolicy? ReadRollup()
    {
        var m = MappingReader.Open(Read(RollupFile), "rollup.yaml", _bag, "overall", "limits", "ungraded-questions");
        var table = ReadTable(m?.Sequence("overall", required: true), "overall", m?.Span ?? SourceSpan.FileStart(PathOf(RollupFile)));
        var limits = ReadList(m?.Sequence("limits", required: false, nonEmpty: false), "limit", ReadLimit);
        var (policy, minimum, carried) = ReadUngraded(m?.Mapping("ungraded-questions", required: false));
        m?.Finish();
        return m is null ? null : new RollupPolicy(table, limits, policy, minimum, m.Fields) { CarriedGrades = carried };
    }

    /// <summary>
    /// `policy: overall-not-graded` (the default) or `policy: grade-the-rest` with `minimum: N` graded questions; and
    /// `carried-grades: true` when findings may carry a question's earlier grade into the roll-up.
    /// </summary>
    private (UngradedPolicy Policy, int Minimum, bool Carried) ReadUngraded(YMapping? section)
    {
        var m = MappingReader.Open(section, "`ungraded-questions`", _bag, "policy", "minimum", "carried-grades");
        if (m is null) return (UngradedPolicy.OverallNotGraded, 0, false);
        var scalar = m.Scalar("policy", required: true);
        UngradedPolicy? policy = scalar?.Value switch
        {
            null => null,
            "overall-not-graded" => UngradedPolicy.OverallNotGraded,
            "grade-the-rest" => UngradedPolicy.GradeTheRest,
            _ => null,
        };
        if (scalar is not null && policy is null)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, scalar.Span, $"unknown policy `{scalar.Value}`",
                NameSuggester.Help(scalar.Value, ["overall-not-graded", "grade-the-rest"]) ?? "policies are `overall-not-graded` and `grade-the-rest`");
        }
        var minimum = 0;
        if (policy == UngradedPolicy.GradeTheRest)
        {
            minimum = m.Int("minimum", required: true, 1, 1000) ?? 1;
        }
        else if (m.Has("minimum"))
        {
            _bag.Error(DiagnosticCodes.InvalidValue, m.SpanOf("minimum"), "`minimum` only applies to `policy: grade-the-rest`");
        }
        var carried = m.Has("carried-grades") && m.Bool("carried-grades", required: false) == true;
        m.Finish();
        return (policy ?? UngradedPolicy.OverallNotGraded, minimum, carried);
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
