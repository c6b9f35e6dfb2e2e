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
        var byQuestion = findings.ToLookup(f => f.QuestionId, StringComparer.Ordinal);
        var evidence = rulebook.Questions.Select(q => compiled.Evidence[q.Id].Gather([.. byQuestion[q.Id]])).ToList();
        session.InsertAll(evidence);
        // Stage 1: only criterion rules can match yet; each met criterion records its outcome on its evidence.
        session.Fire();
        // Stage 2: the marker profiles wait for; each sums its question's outcomes, then thresholds and roll-up.
        session.Insert(new OutcomesComplete());
        session.Fire();
        var met = evidence.SelectMany(e => e.Met).OrderBy(m => m.CriterionIndex).ToList();

        // Query<T>() is an IQueryable: read it as a plain sequence, or every read builds and compiles a query.
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
