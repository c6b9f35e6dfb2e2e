using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Diagnostics;
using GradingEngine.Load;
using GradingEngine.Render;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Properties;

/// <summary>
/// Bad input gets located errors, never an exception: valid files (the seed findings, a CSV of
/// findings, each file of the mini rulebook) with random edits — text cut out, YAML, CSV and condition
/// punctuation typed in, lines repeated, the file cut short, stray bytes — load (and, where they still
/// load, check, compile and grade) without throwing, and every diagnostic names the file and a line and
/// column in it.
/// </summary>
public partial class MalformedInputProperties
{
    /// <summary>What typing errors in these formats look like: YAML, CSV and condition punctuation, and words.</summary>
    private static readonly string[] Fragments =
    [
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "\"", "'", "#", "&a", "*a", "!", "!!str", "|", ">", "%", "@", "`",
        "\n", "\r\n", "\t", "  ", "\n  - ", "\n    ", "(", ")", "==", "and", "or", "not", "f =>", "f.", "any(", "count(",
        "1e400", "-0", "9999999999999999999999", "NaN", "null", "~", "yes", "no", "\u00e9", "\u200b", "\ud83d\ude00",
        // What an attacker types: terminal escapes, NUL, a bidi override, formula starts, an alias bomb, paths.
        "\0", "\u001b[2J", "\u001b]0;x\u0007", "\u202e", "\u0085", "=cmd|' calc'!A0", "@x", "&b [*a, *a, *a, *a]", "<<: *a",
        "../../", "/dev/zero", "2147483648", "\"\\0\"", "\"\\e\\n\"",
    ];

    /// <summary>Words a wrong value might be: other ids, levels, numbers, keywords, nothing.</summary>
    private static readonly string[] Words =
    [
        "", "Q9", "Q2", "overall", "effective", "ineffective", "outstanding", "inadequate", "strength", "cause-of-concern",
        "q1.prevention.priority", "q2.investigation.quality", "0", "-1", "3", "2.5", "yes", "true", "otherwise", "when", "weight",
        "count", "worse than", "no better than", "id", "question", "grade", "findings", "criteria", "scale", "[]", "{}", "\"\"",
        // Words an attacker picks, in YAML double quotes: a line break, escapes, NUL and a bidi override in a key or an id.
        "\"bad\\nkey\"", "\"\\e]0;t\\a\\e[2J\"", "\"a\\0b\"", "\"q\\u202Ed\"", "\"id\\r\"",
    ];

    private sealed record Edit(int Kind, double At, double Length, string Text, string Word);

    // Kinds: 0 cut, 1 insert, 2 overwrite, 3 repeat a line, 4 cut the file short, 5 stray byte, 6 replace a word, 7 drop a line.
    // Word and line edits keep the YAML well formed more often, so the checks behind the parser are reached too.
    private static readonly Gen<Edit> Edits =
        from kind in Gen.Elements(0, 1, 2, 3, 4, 5, 6, 6, 6, 6, 7, 7)
        from at in Gen.Choose(0, 10_000).Select(i => i / 10_000.0)
        from length in Gen.Choose(0, 10_000).Select(i => i / 10_000.0)
        from text in Gen.Elements(Fragments).ListOf().Select(parts => string.Concat(parts.Take(3)))
        from word in Gen.Elements(Words)
        select new Edit(kind, at, length, text, word);

    private static readonly Arbitrary<Edit[]> EditLists = Gen.Choose(1, 3).SelectMany(n => Edits.ArrayOf(n)).ToArbitrary();

    /// <summary>Applies the edits; each position is a fraction of the current text's length. Stray bytes go in last.</summary>
    private static byte[] Apply(string text, Edit[] edits)
    {
        var s = text;
        var strays = new List<(double At, byte Byte)>();
        foreach (var edit in edits)
        {
            var at = (int)(edit.At * s.Length);
            var length = Math.Min(s.Length - at, 1 + (int)(edit.Length * 40));
            switch (edit.Kind)
            {
                case 0: s = s.Remove(at, length); break;
                case 1: s = s.Insert(at, edit.Text); break;
                case 2: s = s.Remove(at, length).Insert(at, edit.Text); break;
                case 3:
                    var lines = s.Split('\n').ToList();
                    var line = Math.Min(lines.Count - 1, (int)(edit.At * lines.Count));
                    lines.Insert(line, lines[line]);
                    s = string.Join('\n', lines);
                    break;
                case 4: s = s[..at]; break;
                case 6:
                    var words = System.Text.RegularExpressions.Regex.Matches(s, @"[\w.\-]+");
                    if (words.Count == 0) break;
                    var w = words[Math.Min(words.Count - 1, (int)(edit.At * words.Count))];
                    s = s.Remove(w.Index, w.Length).Insert(w.Index, edit.Word);
                    break;
                case 7:
                    var kept = s.Split('\n').ToList();
                    kept.RemoveAt(Math.Min(kept.Count - 1, (int)(edit.At * kept.Count)));
                    s = string.Join('\n', kept);
                    break;
                default:
                    // A byte of 0x80 or more, as a file in another encoding would have.
                    strays.Add((edit.At, (byte)(0x80 + (int)(edit.Length * 127))));
                    break;
            }
        }
        var bytes = Encoding.UTF8.GetBytes(s).ToList();
        foreach (var (at, b) in strays) bytes.Insert((int)(at * bytes.Count), b);
        return [.. bytes];
    }

    private static readonly Lazy<string> SeedFindings = new(() => File.ReadAllText(Repo.SeedFindings));

    [Property(MaxTest = 200)]
    public Property LoadInspection_EditedSeedFindings_LocatedErrorsOrAGrade() =>
        Prop.ForAll(EditLists, edits =>
        {
            using var temp = new TempFolder();
            var path = temp.Write("findings.yaml", Apply(SeedFindings.Value, edits));

            var result = GradingPipeline.LoadInspection(path, PropertyFixtures.Shipped);

            AssertLocated(result.Diagnostics, path);
            if (result.Succeeded) Assert.NotNull(GradingPipeline.Grade(PropertyFixtures.Shipped, result.Value!));
        });

    private const string Csv =
        "inspection,force,framework,id,question,indicator,judgement,value,quote,source\n" +
        "mini-1,Example Force,mini,F1,Q1,q1.prevention.priority,effective,,Prevention is a clear priority.,Q1 > Prevention\n" +
        "mini-1,Example Force,mini,F2,Q1,q1.partnership.working,inconsistent,,Partnership working is inconsistent.,Q1 > Partnership\n" +
        "mini-2,Other Force,mini,F1,Q1,q1.prevention.crime-change,,7.5,\"Crime rose by 7.5 points, against national.\",Q1 > Crime\n" +
        "mini-2,Other Force,mini,F2,Q1,q1.partnership.database,,no,There is no shared database.,Q1 > Partnership\n";

    [Property(MaxTest = 150)]
    public Property LoadCsv_EditedFindings_LocatedErrorsOrInspections() =>
        Prop.ForAll(EditLists, edits =>
        {
            using var temp = new TempFolder();
            var path = temp.Write("findings.csv", Apply(Csv, edits));
            var bag = new DiagnosticBag();

            var inspections = CsvFindingsLoader.Load(path, PropertyFixtures.Mini.Rulebook, LoadLimits.Default, bag);

            AssertLocated(bag.ToSortedList(), path);
            if (bag.HasErrors || inspections is null) return;
            foreach (var inspection in inspections) GradingPipeline.Grade(PropertyFixtures.Mini, inspection);
        });

    private static readonly string[] RulebookFiles = ["rulebook.yaml", "codebook.yaml", "criteria/criteria.yaml", "thresholds.yaml", "rollup.yaml"];

    [Property(MaxTest = 300)]
    public Property LoadRulebook_OneFileEdited_LocatedErrorsOrACompiledRulebook() =>
        Prop.ForAll(Gen.Elements(RulebookFiles).ToArbitrary(), EditLists, (file, edits) =>
        {
            using var temp = new TempFolder();
            var folder = new MiniRulebook().WriteTo(temp);
            var path = Path.Combine(folder, file);
            File.WriteAllBytes(path, Apply(File.ReadAllText(path), edits));

            // Check with the criterion lint, as `rules check` does, then load as grading does.
            var check = GradingPipeline.CheckRulebook(folder);
            var load = GradingPipeline.LoadRulebook(folder);

            AssertLocated(check.Diagnostics, folder);
            AssertLocated(load.Diagnostics, folder);
            Assert.Equal(check.Succeeded, load.Succeeded);
            if (load.Succeeded)
            {
                var findings = temp.Write("findings.yaml", MiniRulebook.FindingsYaml);
                var inspection = GradingPipeline.LoadInspection(findings, load.Value!);
                AssertLocated(inspection.Diagnostics, findings);
                if (inspection.Succeeded) GradingPipeline.Grade(load.Value!, inspection.Value!);
            }
        });

    /// <summary>Every diagnostic points into the input (a file under <paramref name="under"/>) at a line and column.</summary>
    private static void AssertLocated(IEnumerable<Diagnostic> diagnostics, string under)
    {
        foreach (var d in diagnostics)
        {
            var text = DiagnosticFormatter.Format(d);
            Assert.True(d.Span.Path.StartsWith(under, StringComparison.Ordinal), $"not in the input: {text}");
            Assert.True(d.Span.Line >= 1 && d.Span.Column >= 1, $"not located: {text}");
            Assert.False(string.IsNullOrWhiteSpace(d.Message), $"no message: {text}");
        }
    }
}
