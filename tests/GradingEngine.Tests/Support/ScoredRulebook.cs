namespace GradingEngine.Tests.Support;

/// <summary>
/// A small score-based rulebook: findings score 1 to 4, named values (values.yaml) total them and take their percentage
/// of the maximum, thresholds band the rounded percentage, a score of 1 caps the question, and one template writes
/// the same criterion for both questions. The roll-up is the mini rulebook's, on the same scale.
/// </summary>
public static class ScoredRulebook
{
    public const string RulebookYaml = """
        id: scored
        version: "1"
        title: Scored framework
        scale:
          - id: outstanding
            name: Outstanding
          - id: good
            name: Good
          - id: requires-improvement
            name: Requires improvement
          - id: inadequate
            name: Inadequate
        effects:
          - id: strength
            plural: strengths
            title: Strengths
            direction: better
          - id: weakness
            plural: weaknesses
            title: Weaknesses
            direction: worse
        questions:
          - id: Q1
            title: Is it safe?
            areas:
              - id: evidence
                title: Evidence
          - id: Q2
            title: Is it effective?
            areas:
              - id: evidence
                title: Evidence
        """;

    public const string CodebookYaml = """
        scales:
          - id: score
            range: {min: 1, max: 4}
            better: higher
        indicators:
          - id: q1.learning
            question: Q1
            area: evidence
            description: Learning culture
            type: judgement
            scale: score
          - id: q1.staffing
            question: Q1
            area: evidence
            description: Safe staffing
            type: judgement
            scale: score
          - id: q2.outcomes
            question: Q2
            area: evidence
            description: Outcomes
            type: judgement
            scale: score
          - id: q2.consent
            question: Q2
            area: evidence
            description: Consent
            type: judgement
            scale: score
        """;

    public const string ValuesYaml = """
        default:
          - id: score-total
            title: Total of the scores
            value: sum(f => true, f => f.judgement)
            direction: better
          - id: score-maximum
            title: Most the findings could score
            value: 4 * count(f => true)
            direction: neutral
          - id: score-percentage
            title: Percentage of the maximum, rounded
            value: round(percentage(f => true))
            direction: better
          - id: lowest-score
            title: Lowest score
            value: worst(f => true)
            direction: better
        """;

    public const string CriteriaYaml = """
        criteria:
          - id: Q1.mostly-good
            question: Q1
            area: evidence
            title: Most of the possible score
            rationale: the done-when condition of issue 16
            when: round(100 * score-total / score-maximum) >= 63
            effect: strength
            message: "Scores reach most of the maximum"
        templates:
          - questions: [Q1, Q2]
            criteria:
              - id: "{question}.score-of-one"
                area: evidence
                title: A score of 1 in {question}
                rationale: a score of 1 limits the rating
                when: any(f => f.judgement == 1)
                effect: weakness
                message: "{question}: {indicator} scores {judgement}"
        """;

    public const string ThresholdsYaml = """
        default:
          - grade: outstanding
            when: score-percentage >= 88
          - grade: good
            when: score-percentage >= 63
          - grade: requires-improvement
            when: score-percentage >= 39
          - grade: inadequate
            otherwise: true
        requires:
          default:
            - when: count(f => true) >= 1
              because: no evidence scored
        limits:
          default:
            - no-better-than: requires-improvement
              when: lowest-score == 1
              because: a score of 1 limits the rating
        """;

    /// <summary>Q1 scores 3 and 2: 5 of 8 is 62.5%, rounded half away from zero to 63, good. Q2 scores 4, 4 and 1: 75%, capped by the 1.</summary>
    public const string FindingsYaml = """
        inspection: scored-1
        force: Example Service
        framework: scored
        findings:
          - id: F1
            question: Q1
            indicator: q1.learning
            judgement: 3
            quote: Staff report incidents.
            source: Q1
          - id: F2
            question: Q1
            indicator: q1.staffing
            judgement: 2
            quote: Staffing is sometimes short.
            source: Q1
          - id: F3
            question: Q2
            indicator: q2.outcomes
            judgement: 4
            quote: Outcomes are very good.
            source: Q2
          - id: F4
            question: Q2
            indicator: q2.outcomes
            judgement: 4
            quote: Outcomes are monitored.
            source: Q2
          - id: F5
            question: Q2
            indicator: q2.consent
            judgement: 1
            quote: Consent is not recorded.
            source: Q2
        """;

    /// <summary>The rulebook, as a <see cref="MiniRulebook"/> with every file replaced.</summary>
    public static MiniRulebook Create() => new MiniRulebook()
        .With("rulebook.yaml", RulebookYaml)
        .With("codebook.yaml", CodebookYaml)
        .With("values.yaml", ValuesYaml)
        .With("criteria/criteria.yaml", CriteriaYaml)
        .With("thresholds.yaml", ThresholdsYaml);
}
