using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>The grade each coding gives one question, or the overall grade (subject `overall`); null: not graded.</summary>
internal sealed record SubjectGrades(string Subject, Grade? A, Grade? B)
{
    public string AId => CodingRegrader.IdOf(A);

    public string BId => CodingRegrader.IdOf(B);

    public bool Differ => !string.Equals(AId, BId, StringComparison.Ordinal);
}
