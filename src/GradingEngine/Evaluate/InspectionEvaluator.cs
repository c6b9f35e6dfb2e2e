using GradingEngine.Compile;
using GradingEngine.Compile.Runtime;
using GradingEngine.Model;

namespace GradingEngine.Evaluate;

/// <summary>Runs one inspection through its own NRules session, created from the rulebook's one session factory.</summary>
public static class InspectionEvaluator
{
    public static Evaluation Evaluate(CompiledRulebook compiled, Inspection inspection)
    {
        var rulebook = compiled.Rulebook.Rulebook;
        var session = compiled.Sessions.CreateSession();
        // Canonical order: whatever order the file lists findings in, the session sees the same sequence.
        var findings = inspection.Findings
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .Select(f => new FindingFact(f, rulebook.Codebook.Find(f.IndicatorId)!))
            .ToList();
        session.Insert(new InspectionScope());
        var byQuestion = findings.ToLookup(f => f.QuestionId, StringComparer.Ordinal);
        session.InsertAll(rulebook.Questions.Select(q => compiled.Evidence[q.Id].Gather([.. byQuestion[q.Id]])));
        session.Fire();

        // Query<T>() is an IQueryable: read it as a plain sequence, or every read builds and compiles a query.
        var met = session.Query<CriterionMet>().AsEnumerable().OrderBy(m => m.CriterionIndex).ToList();
        var grades = session.Query<QuestionGradeFact>().AsEnumerable().ToList();
        var overall = session.Query<OverallGradeFact>().AsEnumerable().ToList();
        if (grades.Count != rulebook.Questions.Count || overall.Count != 1)
        {
            // The checker proves every table total, so this is a bug in the engine, not in the input.
            throw new InvalidOperationException($"engine error: {grades.Count} question grades and {overall.Count} overall grades for {rulebook.Questions.Count} questions");
        }
        return new Evaluation(inspection, findings, met, grades, overall[0]);
    }
}
