namespace GradingEngine.Tests.Support;

/// <summary>
/// A small, valid rulebook as text, to copy with one file changed. Two questions, a four-grade
/// scale, judgement, number and yes-no indicators. Tests replace one file to provoke one problem.
/// </summary>
public sealed class MiniRulebook
{
    public const string RulebookYaml = """
        id: mini
        version: "1"
        title: Mini framework
        scale:
          - id: outstanding
            name: Outstanding
            definition: Exceptional.
          - id: good
            name: Good
            definition: Performing well.
          - id: requires-improvement
            name: Requires improvement
            definition: Some weaknesses.
          - id: inadequate
            name: Inadequate
            definition: Serious weaknesses.
        effects:
          - id: strength
            plural: strengths
            title: Strengths
            direction: better
          - id: area-for-improvement
            plural: areas-for-improvement
            title: Areas for improvement
            direction: worse
          - id: cause-of-concern
            plural: causes-of-concern
            title: Causes of concern
            direction: worse
          - id: notable-practice
            plural: notable-practices
            title: Notable practice
            direction: better
        questions:
          - id: Q1
            title: How well does it prevent?
            areas:
              - id: prevention
                title: Prevention
              - id: partnership
                title: Partnership
          - id: Q2
            title: How well does it investigate?
            areas:
              - id: investigation
                title: Investigation
        """;

    public const string CodebookYaml = """
        scales:
          - id: effectiveness
            levels: [effective, mostly-effective, inconsistent, ineffective]
        indicators:
          - id: q1.prevention.priority
            question: Q1
            area: prevention
            description: Prevention is a priority
            type: judgement
            scale: effectiveness
          - id: q1.partnership.working
            question: Q1
            area: partnership
            description: Partnership working
            type: judgement
            scale: effectiveness
          - id: q1.prevention.crime-change
            question: Q1
            area: prevention
            description: Change in crime, percentage points against national
            type: number
            unit: percentage points
          - id: q1.partnership.database
            question: Q1
            area: partnership
            description: A shared problem-solving database exists
            type: yes-no
          - id: q2.investigation.quality
            question: Q2
            area: investigation
            description: Investigation quality
            type: judgement
            scale: effectiveness
        """;

    public const string CriteriaYaml = """
        criteria:
          - id: Q1.priority
            question: Q1
            area: prevention
            title: Prevention is a priority
            rationale: Q1 prevention
            when: any(f => f.indicator == "q1.prevention.priority" and f.judgement no worse than mostly-effective)
            effect: strength
            weight: 2
            message: "Prevention priority is {judgement}"
          - id: Q1.partnership
            question: Q1
            area: partnership
            title: Partnership works
            rationale: Q1 partnership
            when: any(f => f.indicator == "q1.partnership.working" and f.judgement == effective)
            effect: strength
            message: "Partnership working is {judgement}"
          - id: Q1.partnership-gap
            question: Q1
            area: partnership
            title: Partnership is inconsistent
            rationale: Q1 partnership
            when: any(f => f.indicator == "q1.partnership.working" and f.judgement worse than mostly-effective)
            effect: area-for-improvement
            weight: 2
            message: "Partnership working is {judgement}"
          - id: Q1.crime-rising
            question: Q1
            area: prevention
            title: Crime rises faster than nationally
            rationale: Q1 crime levels
            when: max(f => f.indicator == "q1.prevention.crime-change", f => f.value) > 5
            effect: area-for-improvement
            message: "Crime changed by {value} points against national"
          - id: Q1.no-database
            question: Q1
            area: partnership
            title: No shared database
            rationale: Q1 partnership
            when: any(f => f.indicator == "q1.partnership.database" and not f.value)
            effect: area-for-improvement
            message: "A shared database exists: {value}"
          - id: Q1.priority-failure
            question: Q1
            area: prevention
            title: Prevention is ineffective
            rationale: Q1 prevention
            when: any(f => f.indicator == "q1.prevention.priority" and f.judgement == ineffective)
            effect: cause-of-concern
            weight: 3
            message: "Prevention is {judgement}"
          - id: Q2.quality
            question: Q2
            area: investigation
            title: Investigations are good
            rationale: Q2 investigation
            when: count(f => f.indicator == "q2.investigation.quality" and f.judgement == effective) >= 1
            effect: strength
            weight: 2
            message: "Investigation quality is {judgement}"
          - id: Q2.quality-gap
            question: Q2
            area: investigation
            title: Investigations are inconsistent
            rationale: Q2 investigation
            when: worst(f => f.indicator == "q2.investigation.quality") == inconsistent
            effect: area-for-improvement
            weight: 2
            message: "Investigation quality is {judgement}"
          - id: Q2.quality-failure
            question: Q2
            area: investigation
            title: Investigations are ineffective
            rationale: Q2 investigation
            when: worst(f => f.indicator == "q2.investigation.quality") == ineffective
            effect: cause-of-concern
            weight: 3
            message: "Investigation quality is {judgement}"
        """;

    public const string ThresholdsYaml = """
        default:
          - grade: outstanding
            when: causes-of-concern.count == 0 and areas-for-improvement.count == 0 and strengths.weight >= 3
          - grade: good
            when: causes-of-concern.count == 0 and areas-for-improvement.weight <= 2 and strengths.count >= 1
          - grade: requires-improvement
            when: causes-of-concern.count == 0
          - grade: inadequate
            otherwise: true
        """;

    /// <summary>The thresholds with an evidence requirement: a question with no findings is not graded, not graded low.</summary>
    /// <summary>Thresholds whose `good` needs at most one strength, so one more strength can lower a grade: not monotone (GE504).</summary>
    public const string NotMonotoneThresholdsYaml = """
        default:
          - grade: outstanding
            when: causes-of-concern.count == 0 and areas-for-improvement.count == 0 and strengths.weight >= 3
          - grade: good
            when: causes-of-concern.count == 0 and strengths.count <= 1
          - grade: requires-improvement
            when: causes-of-concern.count == 0
          - grade: inadequate
            otherwise: true
        """;

    public const string ThresholdsRequiringEvidenceYaml =
        ThresholdsYaml + "\nrequires:\n  default:\n    - when: count(f => true) >= 1\n      because: not inspected\n";

    public const string RollupYaml = """
        overall:
          - grade: outstanding
            when: all(q => q.grade == outstanding)
          - grade: good
            when: all(q => q.grade no worse than good)
          - grade: requires-improvement
            when: count(q => q.grade == inadequate) == 0
          - grade: inadequate
            otherwise: true
        """;

    /// <summary>The codebook with a `worse` and a `better` finding kind, for conditions that count findings of a kind.</summary>
    public const string CodebookWithKindsYaml =
        "kinds:\n  - id: breach-of-regulation\n    direction: worse\n  - id: notable-practice\n    direction: better\n" + CodebookYaml;

    /// <summary>The roll-up with a limit on the inspection's findings: a breach anywhere caps the overall grade (needs <see cref="CodebookWithKindsYaml"/>).</summary>
    public const string RollupWithBreachLimitYaml = RollupYaml + """

        limits:
          - no-better-than: requires-improvement
            when: findings.breach-of-regulation >= 1
            because: a breach of regulations caps the overall grade
        """;

    /// <summary>Findings that grade Q1 good (a strength of weight 2, an area for improvement of weight 2), Q2 good, overall good.</summary>
    public const string FindingsYaml = """
        inspection: mini-1
        force: Example Force
        framework: mini
        findings:
          - id: F1
            question: Q1
            indicator: q1.prevention.priority
            judgement: effective
            quote: Prevention is a clear priority.
            source: Q1 > Prevention
          - id: F2
            question: Q1
            indicator: q1.partnership.working
            judgement: inconsistent
            quote: Partnership working is inconsistent.
            source: Q1 > Partnership
          - id: F3
            question: Q2
            indicator: q2.investigation.quality
            judgement: effective
            quote: Investigations are well managed.
            source: Q2 > Investigation
        proposed:
          Q1: good
          Q2: good
          overall: good
        """;

    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal)
    {
        ["rulebook.yaml"] = RulebookYaml,
        ["codebook.yaml"] = CodebookYaml,
        ["criteria/criteria.yaml"] = CriteriaYaml,
        ["thresholds.yaml"] = ThresholdsYaml,
        ["rollup.yaml"] = RollupYaml,
    };

    /// <summary>Replaces (or adds) one file of the rulebook.</summary>
    public MiniRulebook With(string relative, string content)
    {
        _files[relative] = content;
        return this;
    }

    public MiniRulebook Without(string relative)
    {
        _files.Remove(relative);
        return this;
    }

    /// <summary>Writes the rulebook into <paramref name="folder"/>/rules and returns that folder.</summary>
    public string WriteTo(TempFolder folder)
    {
        foreach (var (relative, content) in _files)
        {
            folder.Write(Path.Combine("rules", relative), content);
        }
        return Path.Combine(folder.Path, "rules");
    }
}
