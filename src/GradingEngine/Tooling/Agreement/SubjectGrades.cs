using GradingEngine.Model;

namespace GradingEngine.Tooling.Agreement;

/// <summary>The grade each coding gives one question, or the overall grade (subject `overall`).</summary>
internal sealed record SubjectGrades(string Subject, Grade A, Grade B)
{
    public bool Differ => !string.Equals(A.Id, B.Id, StringComparison.Ordinal);
}
