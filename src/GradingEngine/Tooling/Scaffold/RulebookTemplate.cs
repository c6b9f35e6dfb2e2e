using System.Text;
using GradingEngine.Diagnostics;
using GradingEngine.Load.Yaml;

namespace GradingEngine.Tooling.Scaffold;

/// <summary>
/// `grading init DIR`: the smallest complete rulebook to start from. One question with one area, a codebook
/// with one judgement indicator, a strength and an area for improvement on it, a threshold table with a
/// requirement for evidence, a roll-up and three test cases; it passes `rules check` without a warning and `rules test` with full coverage. Every
/// file says in comments what to change next. The rulebook's id is the folder's name when that is an id.
/// </summary>
internal static class RulebookTemplate
{
    /// <summary>The id given to a rulebook whose folder name is not an id.</summary>
    public const string FallbackId = "new-rulebook";

    /// <summary>The rulebook written, or why nothing was (a file already there).</summary>
    public static Result<WrittenRulebook> Write(string directory)
    {
        var id = IdFor(directory);
        var written = NewFiles.Write(directory, [.. Files(id).Select(f => (f.Relative, Encoding.UTF8.GetBytes(f.Text)))]);
        return written.Succeeded
            ? Result<WrittenRulebook>.Ok(new WrittenRulebook(id, directory, written.Value!), [])
            : Result<WrittenRulebook>.Fail(written.Diagnostics);
    }

    /// <summary>The rulebook id for a new rulebook in <paramref name="directory"/>.</summary>
    public static string IdFor(string directory)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        return MappingReader.IsId(name) ? name : FallbackId;
    }

    internal static IReadOnlyList<(string Relative, string Text)> Files(string id) =>
    [
        ("rulebook.yaml", $$"""
            # The framework: its grade scale, best first, and its questions with their areas.
            # Docs: docs/rule-language.md in the GradingEngine repository.
            id: {{id}}
            version: "0.1"
            title: New inspection framework
            scale:
              - id: good
                name: Good
                definition: the force is performing well
              - id: requires-improvement
                name: Requires improvement
                definition: the force requires improvement, or there are some weaknesses
            # What a met criterion counts as: each effect adds its count and weight to a question's outcome
            # profile (`strengths.count`, `strengths.weight`), and says which way it moves the grade.
            effects:
              - id: strength
                plural: strengths
                title: Strengths
                direction: better
                symbol: "+"
              - id: area-for-improvement
                plural: areas-for-improvement
                title: Areas for improvement
                direction: worse
                symbol: "~"
            questions:
              - id: Q1
                title: How effective is the force at preventing crime?
                areas:
                  - id: prevention
                    title: Prioritising prevention

            """),
        ("codebook.yaml", """
            # What inspectors code: judgement scales and the indicators findings are recorded against.
            scales:
              - id: effectiveness
                levels: [effective, inconsistent, ineffective]
            indicators:
              - id: q1.prevention.priority
                question: Q1
                area: prevention
                description: Prevention is a priority the workforce understands
                type: judgement
                scale: effectiveness

            """),
        ("criteria/q1.yaml", """
            # Evidence criteria for Q1: each is met by findings, and counts as a strength, an area for
            # improvement, a cause of concern or notable practice, with a weight.
            criteria:
              - id: Q1.prevention.priority
                question: Q1
                area: prevention
                title: Prevention is a clear priority
                rationale: The framework asks whether prevention is prioritised
                when: any(f => f.indicator == "q1.prevention.priority" and f.judgement == effective)
                effect: strength
                weight: 1
                message: "Prevention as a priority is {judgement}"
              - id: Q1.prevention.priority-gap
                question: Q1
                area: prevention
                title: Prevention is not yet a consistent priority
                rationale: The framework asks whether prevention is prioritised
                when: any(f => f.indicator == "q1.prevention.priority" and f.judgement worse than effective)
                effect: area-for-improvement
                weight: 1
                message: "Prevention as a priority is {judgement}"

            """),
        ("thresholds.yaml", """
            # Which outcome of a question earns which grade: rules tried best grade first, the last one `otherwise`.
            default:
              - grade: good
                when: strengths.count >= 1 and areas-for-improvement.count == 0
                because: positive evidence of effective prevention and nothing to improve
              - grade: requires-improvement
                otherwise: true
                because: no positive evidence yet, or something to improve
            # No evidence is not a grade: a question with no findings is not graded at all.
            requires:
              default:
                - when: count(f => true) >= 1
                  because: no findings were coded for this question, so it was not inspected

            """),
        ("rollup.yaml", """
            # How the question grades combine into the overall grade.
            overall:
              - grade: good
                when: all(q => q.grade == good)
              - grade: requires-improvement
                otherwise: true

            """),
        ("tests/q1.yaml", """
            # The rulebook's own test cases: `grading rules test` runs them. Findings here are synthetic.
            cases:
              - name: q1-good-when-prevention-is-effective
                description: Synthetic findings - prevention is an effective priority, so Q1 and overall are good.
                findings:
                  - {id: F1, question: Q1, indicator: q1.prevention.priority, judgement: effective, quote: Prevention is a clear priority., source: synthetic}
                expect:
                  grades: {Q1: good, overall: good}
                  met: [Q1.prevention.priority]
                  notMet: [Q1.prevention.priority-gap]
              - name: q1-requires-improvement-when-prevention-is-inconsistent
                description: Synthetic findings - prevention is an inconsistent priority, so Q1 and overall require improvement.
                findings:
                  - {id: F1, question: Q1, indicator: q1.prevention.priority, judgement: inconsistent, quote: Prevention is not always a priority., source: synthetic}
                expect:
                  grades: {Q1: requires-improvement, overall: requires-improvement}
                  met: [Q1.prevention.priority-gap]
              - name: q1-not-graded-without-findings
                description: No findings for Q1, so it is not graded rather than given a grade by default.
                findings: []
                expect:
                  grades: {Q1: not-graded}

            """),
    ];
}
