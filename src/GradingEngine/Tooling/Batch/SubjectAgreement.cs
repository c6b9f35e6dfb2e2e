namespace GradingEngine.Tooling.Batch;

/// <summary>
/// How often proposed grades for one subject (or all of them) agree with the computed ones; only proposed grades count.
/// <paramref name="NotGraded"/>: how many inspections the engine could not grade on it, proposed or not.
/// </summary>
public sealed record SubjectAgreement(string Subject, int Compared, int Agreed, int NotGraded = 0)
{
    /// <summary>Agreed / compared, rounded to 4 places; null when nothing was proposed.</summary>
    public decimal? Rate => Compared == 0 ? null : Math.Round((decimal)Agreed / Compared, 4, MidpointRounding.ToEven);
}
