namespace GradingEngine.Model;

/// <summary>The whole framework as authored: the canonical model, independent of how it runs.</summary>
public sealed record Rulebook(
    string Id,
    string Version,
    string Title,
    string Directory,
    GradeScale Scale,
    IReadOnlyList<Question> Questions,
    Codebook Codebook,
    IReadOnlyList<Criterion> Criteria,
    GradeTable DefaultThresholds,
    IReadOnlyDictionary<string, GradeTable> QuestionThresholds,
    GradeTable Rollup,
    IReadOnlyList<RulebookFile> Files,
    string ContentHash)
{
    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);

    public GradeTable ThresholdsFor(string questionId) =>
        QuestionThresholds.TryGetValue(questionId, out var table) ? table : DefaultThresholds;
}
