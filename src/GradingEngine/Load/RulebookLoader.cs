using System.Text;
using GradingEngine.Diagnostics;
using GradingEngine.Files;
using GradingEngine.Load.Conditions;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;

namespace GradingEngine.Load;

/// <summary>
/// Reads a rulebook (a folder, or one embedded in the engine: <see cref="RulebookSource"/>) into the model,
/// with positions. Checks shape (keys, types, required values) and same-file references; cross-file names
/// are bound later by the checker. Keeps going after an error so that one run reports every problem.
/// </summary>
internal sealed partial class RulebookLoader
{
    public const string RulebookFile = "rulebook.yaml";
    public const string CodebookFile = "codebook.yaml";
    public const string CriteriaFolder = "criteria";
    public const string ThresholdsFile = "thresholds.yaml";
    public const string RollupFile = "rollup.yaml";
    public const string ValuesFile = "values.yaml";

    private readonly RulebookSource _source;
    private readonly LoadLimits _limits;
    private readonly DiagnosticBag _bag;
    private readonly List<RulebookFile> _files = [];
    // One token list for every condition: a list per condition was a twelfth of what loading 10,000 criteria allocated.
    private readonly List<Conditions.Token> _tokens = [];
    private IReadOnlyList<Effect> _effects = [];

    private RulebookLoader(RulebookSource source, LoadLimits limits, DiagnosticBag bag)
    {
        _source = source;
        _limits = limits;
        _bag = bag;
    }

    /// <summary>Loads the folder; null only when nothing useful could be read. Errors go to <paramref name="bag"/>.</summary>
    public static Rulebook? Load(string directory, LoadLimits limits, DiagnosticBag bag) =>
        Load(RulebookSource.Folder(directory), limits, bag);

    /// <summary>Loads a rulebook from a folder or from the embedded rulebooks; null only when nothing useful could be read.</summary>
    public static Rulebook? Load(RulebookSource source, LoadLimits limits, DiagnosticBag bag)
    {
        if (source.Missing() is { } missing)
        {
            bag.Add(missing);
            return null;
        }
        return new RulebookLoader(source, limits, bag).Load();
    }

    private string PathOf(string relative) => _source.PathOf(relative);

    /// <summary>A rulebook file, which must lie inside the rulebook folder once links are resolved.</summary>
    private YNode? Read(string relative)
    {
        var source = _source.Read(relative, _limits, _bag);
        if (source is null) return null;
        _files.Add(new RulebookFile(relative.Replace('\\', '/'), source.Sha256, source.Text));
        return YamlReader.Parse(source.Path, source.Text, _limits, _bag);
    }

    private Rulebook? Load()
    {
        var head = MappingReader.Open(Read(RulebookFile), "rulebook.yaml", _bag, "id", "version", "title", "description", "scale", "effects", "questions");
        var id = head?.Id("id") ?? "";
        var version = head?.String("version") ?? "";
        var title = head?.String("title") ?? "";
        head?.String("description", required: false);
        var scale = ReadScale(head?.Sequence("scale", required: true));
        var effects = _effects = ReadList(head?.Sequence("effects", required: true), "effect", ReadEffect);
        var questions = ReadList(head?.Sequence("questions", required: true), "question", ReadQuestion);
        head?.Finish();

        var codebook = ReadCodebook();
        // values.yaml is optional, read like rollup.yaml: anything at its name is read.
        var values = _source.Has(ValuesFile) ? ReadValues() : QuestionValues.None;
        var criteria = ReadCriteria(questions);
        var grading = ReadThresholds();
        // rollup.yaml is optional, but anything at its name is read, so a link or a folder there is an error, not silence.
        var rollup = _source.Has(RollupFile) ? ReadRollup() : null;

        var files = _files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        return new Rulebook(id, version, title, _source.Location, scale, effects, questions, codebook, criteria,
            grading, rollup, files, ContentHash(files)) { Values = values, EmbeddedId = _source.IsEmbedded ? _source.Location : null };
    }

    /// <summary>One hash over every file's path and content hash, in path order.</summary>
    private static string ContentHash(IEnumerable<RulebookFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append(file.RelativePath).Append('\n').Append(file.Sha256).Append('\n');
        }
        return Sha256.Hex(text.ToString());
    }

    private List<T> ReadList<T>(YSequence? sequence, string what, Func<YNode, T?> read)
        where T : class
    {
        var items = new List<T>();
        foreach (var node in sequence?.Items ?? [])
        {
            if (read(node) is { } item)
            {
                items.Add(item);
            }
        }
        return items;
    }

    private GradeScale ReadScale(YSequence? sequence)
    {
        var grades = new List<Grade>();
        foreach (var node in sequence?.Items ?? [])
        {
            var m = MappingReader.Open(node, "grade", _bag, "id", "name", "definition");
            if (m is null) continue;
            var id = m.Id("id");
            var name = m.String("name");
            var definition = m.String("definition", required: false) ?? "";
            m.Finish();
            if (id is not null)
            {
                grades.Add(new Grade(id, name ?? id, definition, grades.Count, m.Fields));
            }
        }
        if (sequence is not null && sequence.Items.Count == 1)
        {
            _bag.Error(DiagnosticCodes.EmptyList, sequence.Span, "a grade scale needs at least two grades");
        }
        return new GradeScale(grades);
    }

    private Effect? ReadEffect(YNode node)
    {
        var m = MappingReader.Open(node, "effect", _bag, "id", "plural", "title", "direction", "symbol");
        if (m is null) return null;
        var id = m.Id("id");
        var plural = m.Id("plural");
        var title = m.String("title", required: false);
        var direction = ReadDirection(m);
        var symbol = m.Scalar("symbol", required: false);
        if (symbol is not null && (symbol.Value.Length != 1 || char.IsWhiteSpace(symbol.Value[0]) || char.IsControl(symbol.Value[0])))
        {
            _bag.Error(DiagnosticCodes.InvalidValue, symbol.Span, "a symbol is one visible character, such as `+`");
        }
        m.Finish();
        var mark = symbol?.Value ?? direction switch { Direction.Better => "+", Direction.Worse => "!", _ => "o" };
        return id is null || plural is null || direction is null ? null : new Effect(id, plural, title ?? id, direction.Value, mark, m.Fields);
    }

    /// <summary>`better`, `worse` or `neutral`: which way one more of something should move a grade.</summary>
    private Direction? ReadDirection(MappingReader m)
    {
        var scalar = m.Scalar("direction", required: true);
        if (scalar is null) return null;
        Direction? direction = scalar.Value switch
        {
            "better" => Direction.Better,
            "worse" => Direction.Worse,
            "neutral" => Direction.Neutral,
            _ => null,
        };
        if (direction is null)
        {
            _bag.Error(DiagnosticCodes.InvalidValue, scalar.Span, $"unknown direction `{scalar.Value}`",
                NameSuggester.Help(scalar.Value, ["better", "worse", "neutral"]) ?? "directions are `better`, `worse` and `neutral`");
        }
        return direction;
    }

    private Question? ReadQuestion(YNode node)
    {
        var m = MappingReader.Open(node, "question", _bag, "id", "title", "areas");
        if (m is null) return null;
        var id = m.Id("id");
        var title = m.String("title");
        var areas = ReadList(m.Sequence("areas", required: true), "area", areaNode =>
        {
            var a = MappingReader.Open(areaNode, "area", _bag, "id", "title");
            if (a is null) return null;
            var areaId = a.Id("id");
            var areaTitle = a.String("title");
            a.Finish();
            return areaId is null ? null : new Area(areaId, areaTitle ?? areaId, a.Fields);
        });
        m.Finish();
        return id is null ? null : new Question(id, title ?? id, areas, m.Fields);
    }

    /// <summary>Parses a condition scalar; errors are located inside the condition text.</summary>
    private Condition? ReadCondition(MappingReader m, string key, bool required)
    {
        var scalar = m.Scalar(key, required);
        return scalar is null ? null : ConditionParser.Parse(scalar, _limits, _bag, _tokens);
    }
}
