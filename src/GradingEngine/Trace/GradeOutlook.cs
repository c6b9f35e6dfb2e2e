using GradingEngine.Model;

namespace GradingEngine.Trace;

/// <summary>Why not higher, and how close to lower: for one question (Subject = its id) or `overall`.</summary>
public sealed record GradeOutlook(string Subject, Grade Current, GradeStep? Higher, GradeStep? Lower);
