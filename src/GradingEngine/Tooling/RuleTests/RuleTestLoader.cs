using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Load;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Tooling.RuleTests;

/// <summary>
/// Reads a rulebook's `tests/*.yaml` (docs/rulebook-tests.md) against the loaded rulebook: every
/// key checked, inline findings typed by the codebook exactly as a findings file's, and every
/// question, grade and criterion an expectation names resolved. Reports every problem of every
/// file before giving up.
/// </summary>
internal static class RuleTestLoader
{
    public const string TestsFolder = "tests";

    /// <summary>The force of an inspection made from inline findings, which belong to no force.</summary>
    public const string InlineForce = "(test case)";

    /// <summary>
    /// Reads every test file of the rulebook in <paramref name="directory"/>. A findings file a case names must lie
    /// inside the rulebook folder, or inside <paramref name="findingsRoot"/> when one is given (links resolved):
    /// a rulebook under review cannot make the engine read files elsewhere on the machine.
    /// </summary>
    public static RuleTestSuite? Load(string directory, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag, string? findingsRoot = null)
    {
        var folder = Path.Combine(directory, TestsFolder);
        if (!Directory.Exists(folder))
        {
            bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(folder), "tests folder not found",
                "write the rulebook's test cases in `tests/*.yaml` (see docs/rulebook-tests.md)");
            return null;
        }
        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.Combine(folder, Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            bag.Error(DiagnosticCodes.FileNotFound, SourceSpan.FileStart(folder), "tests folder holds no `.yaml` files",
                "write the rulebook's test cases in `tests/*.yaml` (see docs/rulebook-tests.md)");
            return null;
        }
        if (files.Count > limits.MaxRulebookFiles)
        {
            bag.Error(DiagnosticCodes.FileTooLarge, SourceSpan.FileStart(folder), $"more than {limits.MaxRulebookFiles} test files");
            return null;
        }
        var errorsBefore = bag.ErrorCount;
        var reader = new Reader(directory, findingsRoot, rulebook, limits, bag);
        foreach (var file in files)
        {
            reader.ReadFile(file);
        }
        return bag.ErrorCount > errorsBefore ? null : new RuleTestSuite(directory, files, reader.Cases, reader.Published);
    }

    /// <summary>The state of one load: case names seen so far (unique across files) and findings files already read.</summary>
    private sealed class Reader(string directory, string? findingsRoot, Rulebook rulebook, LoadLimits limits, DiagnosticBag bag)
    {
        private readonly Dictionary<string, SourceSpan> _names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Inspection?> _findingsFiles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Criterion> _criteria = rulebook.Criteria
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public List<RuleTestCase> Cases { get; } = [];

        public List<PublishedTable> Published { get; } = [];

        /// <summary>A test file holds `cases`, `published` tables, or both.</summary>
        public void ReadFile(string path)
        {
            var root = YamlReader.ReadFile(path, limits, bag, out var source, within: directory);
            if (source is null) return;
            var m = MappingReader.Open(root, "test file", bag, "cases", "published");
            if (m is null) return;
            foreach (var node in m.Sequence("cases", required: !m.Has("published"))?.Items ?? [])
            {
                if (ReadCase(node, path, source) is { } testCase) Cases.Add(testCase);
            }
            var published = m.Sequence("published", required: false)?.Items ?? [];
            if (published.Count > 0 && rulebook.Rollup is null)
            {
                bag.Error(DiagnosticCodes.UnknownQuestion, m.SpanOf("published"), "this rulebook has no overall grade to test against published grades",
                    "published grades test the roll-up: the rulebook needs a `rollup.yaml`");
                published = [];
            }
            foreach (var node in published)
            {
                var table = PublishedTableLoader.Read(node, path, rulebook, limits, bag, scalar => Resolve(scalar, path, "published grades file"), Name);
                if (table is not null) Published.Add(table);
            }
            m.Finish();
        }

        /// <summary>The `name` of a case or published table: an id, unique across the rulebook's tests.</summary>
        private string? Name(MappingReader m)
        {
            var name = m.Id("name");
            if (name is not null && !_names.TryAdd(name, m.SpanOf("name")))
            {
                bag.Error(DiagnosticCodes.DuplicateId, m.SpanOf("name"), $"duplicate test case name `{name}`", $"first defined at {_names[name]}");
            }
            return name;
        }

        private RuleTestCase? ReadCase(YNode node, string path, SourceText source)
        {
            var m = MappingReader.Open(node, "test case", bag, "name", "description", "findings", "carried", "expect");
            if (m is null) return null;
            var errorsBefore = bag.ErrorCount;
            var name = Name(m);
            var description = m.String("description");
            var inspection = ReadFindings(m, name ?? "", path, source);
            if (m.HasKey("carried") && inspection is not null)
            {
                // Inline findings only: a findings file says what it carries itself.
                if (m.Node("findings") is not YSequence)
                {
                    bag.Error(DiagnosticCodes.InvalidValue, m.KeySpanOf("carried"), "`carried` goes with inline findings; a findings file says what it carries itself");
                }
                inspection = inspection with { Carried = InspectionLoader.ReadCarried(m.Mapping("carried", required: true), m.KeySpanOf("carried"), rulebook, inspection.Findings, bag) };
            }
            var expect = ReadExpect(m);
            m.Finish();
            if (bag.ErrorCount > errorsBefore || name is null || description is null || inspection is null || expect is null)
            {
                return null;
            }
            return new RuleTestCase(name, description, inspection, expect, path, m.SpanOf("name"));
        }

        /// <summary>`findings:` is a list of findings (typed like a findings file's) or the path of a findings file relative to the test file.</summary>
        private Inspection? ReadFindings(MappingReader m, string caseName, string path, SourceText source)
        {
            var node = m.Node("findings");
            switch (node)
            {
                case null:
                    m.Sequence("findings", required: true);
                    return null;
                case YSequence sequence:
                    var errorsBefore = bag.ErrorCount;
                    var findings = InspectionLoader.ReadFindings(sequence, rulebook, bag);
                    return bag.ErrorCount > errorsBefore ? null : new Inspection(caseName, InlineForce, rulebook.Id, path, findings, null, source.Sha256);
                case YScalar scalar:
                    return LoadFindingsFile(scalar, path);
                default:
                    bag.Error(DiagnosticCodes.WrongType, node.Span, $"expected `findings` to be a list of findings or the path of a findings file, found {node.KindName}");
                    return null;
            }
        }

        private Inspection? LoadFindingsFile(YScalar scalar, string testFile)
        {
            if (Resolve(scalar, testFile, "findings file") is not { } findingsPath) return null;
            var key = Path.GetFullPath(findingsPath);
            if (!_findingsFiles.TryGetValue(key, out var inspection))
            {
                // Read once however many cases name it, so its problems are reported once.
                inspection = InspectionLoader.Load(findingsPath, rulebook, limits, bag);
                _findingsFiles[key] = inspection;
            }
            return inspection;
        }

        /// <summary>
        /// The path of a file a test file names, relative to the test file and shown with `..` resolved; null, with the
        /// reason reported, when it may not be read (see <see cref="Refused"/>).
        /// </summary>
        private string? Resolve(YScalar scalar, string testFile, string what)
        {
            if (scalar.Value.Contains('\0'))
            {
                bag.Error(DiagnosticCodes.FileNotFound, scalar.Span, $"{what} `{scalar.Value}`: the name holds a NUL character");
                return null;
            }
            var combined = Path.Combine(Path.GetDirectoryName(testFile) ?? "", scalar.Value);
            var resolved = Path.IsPathRooted(testFile)
                ? Path.GetFullPath(combined)
                : Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(combined));
            if (Refused(resolved, scalar, what) is { } problem)
            {
                bag.Add(problem);
                return null;
            }
            return resolved;
        }

        /// <summary>Why a file a test names is not read: missing, not a regular file, or outside both the rulebook folder and the findings root.</summary>
        private Diagnostic? Refused(string filePath, YScalar scalar, string what)
        {
            var named = $"{what} `{scalar.Value}`";
            var inRulebook = InputFile.Check(filePath, directory, scalar.Span, named);
            if (inRulebook?.Code != DiagnosticCodes.OutsideFolder)
            {
                return inRulebook is null ? null : inRulebook with { Help = inRulebook.Help ?? $"a {what} path is relative to the test file" };
            }
            if (findingsRoot is not null && InputFile.Check(filePath, findingsRoot, scalar.Span, named) is null)
            {
                return null;
            }
            var folders = findingsRoot is null ? "the rulebook folder" : $"the rulebook folder or the findings root `{findingsRoot}`";
            return Diagnostic.Error(DiagnosticCodes.OutsideFolder, scalar.Span, $"{named} lies outside {folders}",
                "to read files kept outside the rulebook, name their folder with `rules test --findings-root DIR`");
        }

        private RuleTestExpectation? ReadExpect(MappingReader caseReader)
        {
            var m = MappingReader.Open(caseReader.Mapping("expect", required: true), "expect", bag, "grades", "met", "notMet");
            if (m is null) return null;
            var errorsBefore = bag.ErrorCount;
            var grades = ReadGrades(m.Mapping("grades", required: false));
            var seen = new Dictionary<string, (SourceSpan Span, string List)>(StringComparer.Ordinal);
            var met = ReadCriteria(m, "met", seen);
            var notMet = ReadCriteria(m, "notMet", seen);
            if (!m.Has("grades") && !m.Has("met") && !m.Has("notMet"))
            {
                bag.Error(DiagnosticCodes.MissingKey, m.Span, "`expect` needs at least one of `grades`, `met` or `notMet`",
                    "a case without expectations tests nothing");
            }
            else if (grades.Count + met.Count + notMet.Count == 0 && bag.ErrorCount == errorsBefore)
            {
                bag.Error(DiagnosticCodes.EmptyList, m.Span, "`expect` lists no expectations", "a case without expectations tests nothing");
            }
            m.Finish();
            return new RuleTestExpectation(grades, met, notMet);
        }

        /// <summary>Read as a findings file's `proposed:` map is (same errors), then put in rulebook order with `overall` last.</summary>
        private List<ExpectedGrade> ReadGrades(YMapping? map)
        {
            var read = InspectionLoader.ReadGrades(map, rulebook, bag);
            if (read is null) return [];
            var order = rulebook.Questions.Select(q => q.Id).Append(ProposedGrades.OverallKey).ToList();
            return read.Grades
                .OrderBy(g => order.IndexOf(g.Key))
                .Select(g => new ExpectedGrade(g.Key, g.Value.GradeId, g.Value.Span))
                .ToList();
        }

        private List<ExpectedCriterion> ReadCriteria(MappingReader m, string key, Dictionary<string, (SourceSpan Span, string List)> seen)
        {
            var criteria = new List<ExpectedCriterion>();
            foreach (var item in m.Sequence(key, required: false, nonEmpty: false)?.Items ?? [])
            {
                if (item is not YScalar { IsNull: false } scalar)
                {
                    bag.Error(DiagnosticCodes.WrongType, item.Span, $"expected a criterion id in `{key}`, found {item.KindName}");
                    continue;
                }
                if (!_criteria.TryGetValue(scalar.Value, out var criterion))
                {
                    bag.Error(DiagnosticCodes.UnknownCriterion, scalar.Span, $"unknown criterion `{scalar.Value}`",
                        NameSuggester.Help(scalar.Value, _criteria.Keys));
                    continue;
                }
                if (seen.TryGetValue(scalar.Value, out var first))
                {
                    if (first.List == key)
                    {
                        bag.Error(DiagnosticCodes.DuplicateId, scalar.Span, $"criterion `{scalar.Value}` is listed twice in `{key}`", $"first listed at {first.Span}");
                    }
                    else
                    {
                        bag.Error(DiagnosticCodes.InvalidValue, scalar.Span, $"criterion `{scalar.Value}` is expected both met and not met",
                            $"also listed in `{first.List}` at {first.Span}");
                    }
                    continue;
                }
                seen[scalar.Value] = (scalar.Span, key);
                criteria.Add(new ExpectedCriterion(scalar.Value, criterion.QuestionId, scalar.Span));
            }
            return criteria;
        }
    }
}
