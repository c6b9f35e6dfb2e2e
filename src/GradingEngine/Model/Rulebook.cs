namespace GradingEngine.Model;

/// <summary>The whole framework as authored: the canonical model, independent of how it runs.</summary>
/// <param name="Effects">What met criteria contribute to a question's outcome profile, as the rulebook declares them.</param>
/// <param name="QuestionGrading">How each question is graded: default thresholds, requirements and limits, and per-question overrides.</param>
/// <param name="Rollup">How question grades combine into the overall grade; null when the framework has no overall grade.</param>
public sealed record Rulebook(
    string Id,
    string Version,
    string Title,
    string Directory,
    GradeScale Scale,
    IReadOnlyList<Effect> Effects,
    IReadOnlyList<Question> Questions,
    Codebook Codebook,
    IReadOnlyList<Criterion> Criteria,
    QuestionGrading QuestionGrading,
    RollupPolicy? Rollup,
    IReadOnlyList<RulebookFile> Files,
    string ContentHash)
{
    /// <summary>The named values each question computes from its findings (values.yaml); none when there is no such file.</summary>
    public QuestionValues Values { get; init; } = QuestionValues.None;

    /// <summary>
    /// The id of the embedded rulebook this was read from, which output names its files by
    /// (`ID/criteria/q1.yaml:22`); null for a folder, whose files output names relative to it.
    /// </summary>
    public string? EmbeddedId { get; init; }

    public Question? FindQuestion(string id)
    {
        // Indexed: the checker asks once per criterion, and a LINQ search allocated a closure and an enumerator each time.
        for (var i = 0; i < Questions.Count; i++)
        {
            if (Questions[i].Id == id) return Questions[i];
        }
        return null;
    }

    public Effect? FindEffect(string id) => Effects.FirstOrDefault(e => e.Id == id);

    public GradeTable ThresholdsFor(string questionId) => QuestionGrading.ThresholdsFor(questionId);
}
