using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GradingEngine.Load.Yaml;
using GradingEngine.Model;
using GradingEngine.Tests.Support;
using Json.Schema;
using Xunit;

namespace GradingEngine.Tests.Schema;

/// <summary>
/// docs/schema/*.schema.json give editors (VS Code's YAML extension) completion and validation.
/// Every shipped YAML file validates against its schema, each file names its schema in a
/// `# yaml-language-server: $schema=...` header, common mistakes are rejected, and each schema
/// accepts exactly the keys the engine's loaders accept.
/// </summary>
public partial class SchemaTests
{
    public const string HeaderPrefix = "# yaml-language-server: $schema=";

    public static readonly string[] SchemaNames = ["rulebook", "codebook", "criteria", "thresholds", "rollup", "values", "findings", "proposed", "rule-tests"];

    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(() =>
        SchemaNames.ToDictionary(n => n, n => JsonSchema.FromText(File.ReadAllText(SchemaPath(n))), StringComparer.Ordinal));

    private static string SchemaFolder => Path.Combine(Repo.Docs, "schema");

    private static string SchemaPath(string name) => Path.Combine(SchemaFolder, name + ".schema.json");

    private static JsonSchema Schema(string name) => Schemas.Value[name];

    private static JsonObject SchemaJson(string name) => JsonNode.Parse(File.ReadAllText(SchemaPath(name)))!.AsObject();

    /// <summary>The schema for a rulebook or findings file, by its name and folder; null when none applies.</summary>
    public static string? SchemaFor(string path)
    {
        var name = Path.GetFileName(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(path)) ?? "";
        if (folder == "criteria") return "criteria";
        if (folder == "tests") return "rule-tests";
        return name switch
        {
            "rulebook.yaml" => "rulebook",
            "codebook.yaml" => "codebook",
            "thresholds.yaml" => "thresholds",
            "rollup.yaml" => "rollup",
            "values.yaml" => "values",
            _ when name.StartsWith("findings", StringComparison.Ordinal) => "findings",
            // Codings of one report for `grading agree` (seeds/agreement-example) are findings files.
            _ when name.StartsWith("coder-", StringComparison.Ordinal) => "findings",
            _ when name.StartsWith("proposed", StringComparison.Ordinal) => "proposed",
            _ => null,
        };
    }

    /// <summary>Every .yaml/.yml file under rules/ and seeds/, relative to the repository, with `/`.</summary>
    public static IReadOnlyList<string> ShippedYaml() =>
        new[] { "rules", "seeds" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(Repo.Root, top), "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> ShippedYamlFiles() => new(ShippedYaml());

    public static TheoryData<string> Names() => new(SchemaNames);

    private static EvaluationResults Evaluate(string schema, JsonNode? instance) =>
        Schema(schema).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });

    /// <summary>
    /// The schema library's errors, one per line: instance location, schema path, message. Only failing
    /// nodes are followed, so the failed branches of a `oneOf` or `anyOf` that passed are left out.
    /// </summary>
    private static string Errors(EvaluationResults results)
    {
        var lines = new List<string>();
        void Walk(EvaluationResults r)
        {
            if (r.IsValid) return;
            foreach (var (keyword, message) in r.Errors ?? new Dictionary<string, string>())
            {
                var schemaPath = keyword.Length == 0 ? r.EvaluationPath.ToString() : $"{r.EvaluationPath}/{keyword}";
                lines.Add($"  at '{r.InstanceLocation}' ({schemaPath}): {message}");
            }
            foreach (var detail in r.Details) Walk(detail);
        }
        Walk(results);
        const int Max = 40;
        return string.Join("\n", lines.Take(Max)) + (lines.Count > Max ? $"\n  ... and {lines.Count - Max} more" : "");
    }

    // ------------------------------------------------------------------ shipped files

    [Fact]
    public void ShippedYaml_FindsTheRulebookAndTheSeed()
    {
        var files = ShippedYaml();

        Assert.Contains("rules/peel-2015-effectiveness/rulebook.yaml", files);
        Assert.Contains("rules/peel-2015-effectiveness/criteria/q1.yaml", files);
        Assert.Contains("seeds/west-mercia-2015/findings.yaml", files);
        Assert.Contains("seeds/west-mercia-2015/proposed.yaml", files);
        Assert.True(files.Count >= 10, $"found only {files.Count} YAML files");
    }

    [Theory]
    [MemberData(nameof(ShippedYamlFiles))]
    public void ShippedYaml_IsValidAgainstItsSchema(string file)
    {
        var schema = SchemaFor(file);
        Assert.True(schema is not null, $"{file}: no schema applies to this file name; add one to SchemaFor");

        var results = Evaluate(schema!, YamlJson.ReadFile(Path.Combine(Repo.Root, file)));

        Assert.True(results.IsValid, $"{file} does not validate against {schema}.schema.json:\n{Errors(results)}");
    }

    [Theory]
    [MemberData(nameof(ShippedYamlFiles))]
    public void ShippedYaml_FirstLine_NamesItsSchemaForTheEditor(string file)
    {
        var path = Path.Combine(Repo.Root, file);
        var first = File.ReadLines(path).FirstOrDefault() ?? "";

        Assert.True(first.StartsWith(HeaderPrefix, StringComparison.Ordinal), $"{file}: first line should be `{HeaderPrefix}<relative path>`, found `{first}`");
        var relative = first[HeaderPrefix.Length..].Trim();
        Assert.False(Path.IsPathRooted(relative) || relative.Contains("://", StringComparison.Ordinal), $"{file}: the schema path should be relative, found `{relative}`");
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, relative));
        Assert.True(File.Exists(target), $"{file}: schema `{relative}` does not exist ({target})");
        Assert.Equal(Path.GetFullPath(SchemaPath(SchemaFor(file)!)), target);
    }

    // ------------------------------------------------------------------ documentation examples

    [Fact]
    public void RuleLanguageDoc_EveryExampleFile_IsValidAgainstItsSchema()
    {
        var examples = Docs.MarkdownBlocks.Read(Path.Combine(Repo.Docs, "rule-language.md"))
            .Where(b => b.Label.StartsWith("example:", StringComparison.Ordinal) || b.Label.StartsWith("scored-example:", StringComparison.Ordinal))
            .Select(b => (File: b.Label[(b.Label.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), b.Content))
            .ToList();

        // The example rulebook, its findings, and the score-based rulebook with its findings.
        Assert.Equal(13, examples.Count);
        foreach (var (file, content) in examples)
        {
            var schema = SchemaFor(file);
            Assert.True(schema is not null, $"docs/rule-language.md example {file}: no schema applies");
            var results = Evaluate(schema!, YamlJson.Parse(content, file));
            Assert.True(results.IsValid, $"docs/rule-language.md example {file} does not validate against {schema}.schema.json:\n{Errors(results)}");
        }
    }

    public static TheoryData<string, int, string> DocExamples() => new()
    {
        { "findings-format.md", 0, "findings" },
        { "findings-format.md", 1, "findings" },
        { "findings-format.md", 2, "proposed" },
        { "rulebook-tests.md", 0, "rule-tests" },
    };

    [Theory]
    [MemberData(nameof(DocExamples))]
    public void DocExample_IsValidAgainstItsSchema(string doc, int block, string schema)
    {
        var blocks = YamlBlock().Matches(File.ReadAllText(Path.Combine(Repo.Docs, doc)).Replace("\r\n", "\n")).Select(m => m.Groups["body"].Value).ToList();
        Assert.True(block < blocks.Count, $"{doc} has only {blocks.Count} yaml blocks");

        var results = Evaluate(schema, YamlJson.Parse(blocks[block], $"{doc} yaml block {block}"));

        Assert.True(results.IsValid, $"{doc} yaml block {block} does not validate against {schema}.schema.json:\n{Errors(results)}");
    }

    [GeneratedRegex(@"^```yaml\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex YamlBlock();

    // ------------------------------------------------------------------ the schemas themselves

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_IsJsonSchema202012_WithIdAndTitle(string name)
    {
        var json = SchemaJson(name);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)json["$schema"]);
        Assert.Equal($"{name}.schema.json", (string?)json["$id"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["title"]), $"{name}: no title");
        Assert.False(string.IsNullOrWhiteSpace((string?)json["description"]), $"{name}: no description");
        var meta = MetaSchemas.Draft202012.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        Assert.True(meta.IsValid, $"{name}.schema.json is not a valid 2020-12 schema:\n{Errors(meta)}");
        Assert.NotNull(Schema(name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_EveryProperty_HasADescription(string name)
    {
        var missing = new List<string>();
        void Walk(JsonNode? node, string at)
        {
            if (node is JsonObject obj)
            {
                if (obj["properties"] is JsonObject properties)
                {
                    foreach (var (key, value) in properties)
                    {
                        if (value is JsonObject property && string.IsNullOrWhiteSpace((string?)property["description"]))
                        {
                            missing.Add($"{at}/properties/{key}");
                        }
                    }
                }
                // `if` subschemas only select a case: they are not shown to the editor's user.
                foreach (var (key, value) in obj.Where(p => p.Key != "if")) Walk(value, $"{at}/{key}");
            }
            else if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{at}/{i}");
            }
        }

        Walk(SchemaJson(name), "#");

        Assert.True(missing.Count == 0, $"{name}.schema.json: properties without a description (shown as hover help):\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void SchemaFolder_HoldsExactlyTheKnownSchemas()
    {
        var files = Directory.EnumerateFiles(SchemaFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(SchemaNames.Select(n => n + ".schema.json").Order(StringComparer.Ordinal), files);
    }

    // ------------------------------------------------------------------ mistakes the schemas catch

    private const string Criterion = """
        criteria:
          - id: Q1.priority
            question: Q1
            area: prevention
            title: Prevention is a priority
            rationale: Q1 prevention
            when: any(f => f.indicator == "q1.prevention.priority")
            effect: strength
            weight: 2
            message: "Prevention is {judgement}"
        """;

    private const string Table = """
        default:
          - grade: good
            when: causes-of-concern.count == 0
            because: no cause of concern
          - grade: inadequate
            otherwise: true
        """;

    private const string Rollup = """
        overall:
          - grade: good
            when: all(q => q.grade == good)
          - grade: inadequate
            otherwise: true
        """;

    private const string Findings = """
        inspection: example-2026
        force: Example Constabulary
        framework: example-framework
        findings:
          - id: F1
            question: Q1
            indicator: q1.prevention.priority
            judgement: effective
            quote: Prevention is the force's first priority.
            source: Q1 > Prevention
          - id: F2
            question: Q1
            indicator: q1.partnership.shared-database
            value: yes
            quote: A database is shared.
            source: Q1 > Partnership
        """;

    private const string Codebook = """
        scales:
          - id: effectiveness
            levels: [effective, ineffective]
        indicators:
          - id: q1.prevention.priority
            question: Q1
            area: prevention
            description: Prevention is a priority
            type: judgement
            scale: effectiveness
          - id: q1.crime.change
            question: Q1
            area: prevention
            description: Change in crime
            type: number
            unit: percentage points
        """;

    private const string RuleTests = """
        cases:
          - name: q1-good
            description: Synthetic findings.
            findings:
              - id: F1
                question: Q1
                indicator: q1.prevention.priority
                judgement: effective
                quote: Synthetic.
                source: synthetic
            expect:
              grades:
                Q1: good
              met: [Q1.priority]
        """;

    public static TheoryData<string, string, string, string, string> Mistakes() => new()
    {
        // schema, valid text, mistaken text, what was changed, where the schema must report it
        { "criteria", Criterion, Criterion.Replace("weight: 2", "wieght: 2"), "key `wieght` (typo)", "/criteria/0" },
        { "criteria", Criterion, Criterion.Replace("effect: strength", "effect: \"not an id\""), "effect that is not an id", "/criteria/0/effect" },
        { "criteria", Criterion, Criterion.Replace("weight: 2", "weight: 0"), "weight below 1", "/criteria/0/weight" },
        { "criteria", Criterion, Criterion.Replace("weight: 2", "weight: 101"), "weight above 100", "/criteria/0/weight" },
        { "criteria", Criterion, Criterion.Replace("weight: 2", "weight: 1.5"), "weight not whole", "/criteria/0/weight" },
        { "criteria", Criterion, Criterion.Replace("\n    message: \"Prevention is {judgement}\"", ""), "missing message", "/criteria/0" },
        { "criteria", Criterion, Criterion.Replace("id: Q1.priority", "id: -Q1"), "invalid id", "/criteria/0/id" },
        { "thresholds", Table, Table.Replace("otherwise: true", "otherwise: true\n    when: strengths.count > 0"), "both `when` and `otherwise`", "/default/1" },
        { "thresholds", Table, Table.Replace("\n    otherwise: true", ""), "neither `when` nor `otherwise`", "/default/1" },
        { "thresholds", Table, Table.Replace("otherwise: true", "otherwise: false"), "`otherwise: false`", "/default/1" },
        { "thresholds", Table, Table.Replace("default:", "defaults:"), "key `defaults` (typo)", "" },
        { "rollup", Rollup, Rollup.Replace("otherwise: true", "otherwise: true\n    when: true"), "both `when` and `otherwise`", "/overall/1" },
        { "findings", Findings, Findings.Replace("judgement: effective", "judgement: effective\n    value: 3"), "both `judgement` and `value`", "/findings/0" },
        { "findings", Findings, Findings.Replace("    judgement: effective\n", ""), "neither `judgement` nor `value`", "/findings/0" },
        { "findings", Findings, Findings.Replace("value: yes", "value: perhaps"), "value neither number nor yes/no", "/findings/1" },
        { "findings", Findings, Findings.Replace("quote: A database is shared.", "quote: \" \""), "blank quote", "/findings/1/quote" },
        { "findings", Findings, Findings.Replace("source: Q1 > Prevention", "sauce: Q1 > Prevention"), "key `sauce` (typo)", "/findings/0" },
        { "findings", Findings, Findings.Replace("force: Example Constabulary", "force: Example Constabulary\norganisation: Example Constabulary"), "both `force` and `organisation`", "" },
        { "findings", Findings, Findings.Replace("force: Example Constabulary\n", ""), "neither `force` nor `organisation`", "" },
        { "findings", Findings.Replace("force:", "organisation:"), Findings.Replace("force:", "organisation:").Replace("organisation: Example", "organisaton: Example"), "key `organisaton` (typo)", "" },
        { "codebook", Codebook, Codebook.Replace("type: number", "type: numeric"), "unknown indicator type", "/indicators/1/type" },
        { "codebook", Codebook, Codebook.Replace("    scale: effectiveness\n", ""), "judgement indicator without a scale", "/indicators/0" },
        { "codebook", Codebook, Codebook.Replace("unit: percentage points", "unit: days\n    scale: effectiveness"), "`scale` on a number indicator", "/indicators/1" },
        { "codebook", Codebook, Codebook.Replace("levels: [effective, ineffective]", "levels: [effective]"), "scale with one level", "/scales/0/levels" },
        { "rule-tests", RuleTests, RuleTests.Replace("met: [Q1.priority]", "mett: [Q1.priority]"), "key `mett` (typo)", "/cases/0/expect" },
        { "rule-tests", RuleTests, RuleTests.Replace("expect:\n      grades:\n        Q1: good\n      met: [Q1.priority]", "expect: {}"), "no expectation", "/cases/0/expect" },
        { "rule-tests", RuleTests, RuleTests.Replace("    judgement: effective", "    judgement: effective\n        value: yes"), "finding with both `judgement` and `value`", "/cases/0/findings" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Schema_RejectsMistake_AndAcceptsTheTextWithoutIt(string schema, string valid, string mistaken, string mistake, string location)
    {
        Assert.NotEqual(valid, mistaken);
        var ok = Evaluate(schema, YamlJson.Parse(valid));
        Assert.True(ok.IsValid, $"the valid {schema} text should validate:\n{Errors(ok)}");

        var results = Evaluate(schema, YamlJson.Parse(mistaken));

        Assert.False(results.IsValid, $"{schema}.schema.json accepted a mistake: {mistake}");
        var errors = Errors(results);
        Assert.True(errors.Contains($"at '{location}", StringComparison.Ordinal), $"{mistake}: expected an error at '{location}', got:\n{errors}");
    }

    [Fact]
    public void IdPattern_AgreesWithTheLoader()
    {
        string[] samples = ["Q1", "q1.prevention.priority", "requires-improvement", "Q1-01", "a_b", "9", "-x", ".x", "_x", "a b", "a/b", "é", "x\u00e9", ""];
        foreach (var name in SchemaNames)
        {
            var idSchema = SchemaJson(name)["$defs"]!["id"]!;
            var pattern = new Regex((string)idSchema["pattern"]!);
            foreach (var sample in samples)
            {
                Assert.True(MappingReader.IsId(sample) == pattern.IsMatch(sample), $"{name}: `{sample}` is {(MappingReader.IsId(sample) ? "" : "not ")}an id for the loader");
            }
        }
    }

    // ------------------------------------------------------------------ the schemas and the loaders agree

    /// <summary>
    /// Key lists copied from the loaders' <c>MappingReader.Open(..., keys)</c> calls in
    /// src/GradingEngine/Load/RulebookLoader*.cs and InspectionLoader.cs; required = read with
    /// <c>required: true</c> (the default of <c>Id</c> and <c>String</c>); the rule-test keys from
    /// src/GradingEngine/Tooling/RuleTests/RuleTestLoader.cs. Change a loader or a schema, and this
    /// table must change with it.
    /// </summary>
    public static TheoryData<string, string, string, string> LoaderKeys() => new()
    {
        // schema, JSON pointer of the object type in the schema, keys, required keys
        { "rulebook", "", "id version title description scale effects questions", "id version title scale effects questions" },
        { "rulebook", "/$defs/effect", "id plural title direction symbol", "id plural direction" },
        { "rulebook", "/$defs/grade", "id name definition", "id name" },
        { "rulebook", "/$defs/question", "id title areas", "id title areas" },
        { "rulebook", "/$defs/area", "id title", "id title" },
        { "codebook", "", "kinds scales indicators", "indicators" },
        { "codebook", "/$defs/kind", "id title direction", "id direction" },
        { "codebook", "/$defs/scale", "id levels range better description", "id" },
        { "codebook", "/$defs/indicator", "id question area description type scale unit kinds once", "id question area description type" },
        { "criteria", "", "criteria templates", "" },
        { "criteria", "/$defs/template", "questions each criteria", "criteria" },
        { "criteria", "/$defs/templateCriterion", "id area title rationale when effect weight message", "id area title rationale when effect message" },
        { "values", "", "default questions", "" },
        { "values", "/$defs/value", "id title value bands direction", "id value" },
        { "values", "/$defs/band", "from value", "from value" },
        { "criteria", "/$defs/criterion", "id question area title rationale when effect weight message", "id question area title rationale when effect message" },
        { "thresholds", "", "default questions requires limits", "default" },
        { "thresholds", "/$defs/requirement", "when because", "when because" },
        { "thresholds", "/$defs/limit", "no-better-than no-worse-than when because", "when" },
        { "thresholds", "/$defs/gradeRule", "grade when otherwise because", "grade" },
        { "rollup", "", "overall limits ungraded-questions", "overall" },
        { "rollup", "/$defs/gradeRule", "grade when otherwise because", "grade" },
        // `force` or `organisation` is required: one of the two, which the schema says with `oneOf` (see Mistakes).
        { "findings", "", "inspection force organisation framework report findings proposed carried", "inspection framework findings" },
        { "findings", "/$defs/finding", "id question indicator judgement value quote source kind", "id question indicator quote source" },
        { "proposed", "", "inspection grades", "grades" },
        { "rule-tests", "", "cases published", "" },
        { "rule-tests", "/$defs/published", "name description file label columns unknown disagree", "name description file unknown" },
        { "rule-tests", "/$defs/case", "name description findings carried expect", "name description findings expect" },
        { "rule-tests", "/$defs/expect", "grades met notMet", "" },
        { "rule-tests", "/$defs/finding", "id question indicator judgement value quote source kind", "id question indicator quote source" },
    };

    [Theory]
    [MemberData(nameof(LoaderKeys))]
    public void Schema_ObjectType_AcceptsExactlyTheLoadersKeys(string schema, string pointer, string keys, string required)
    {
        var type = Resolve(SchemaJson(schema), pointer);

        var properties = type["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        var requiredInSchema = (type["required"]?.AsArray() ?? []).Select(k => (string)k!).Order(StringComparer.Ordinal);

        Assert.Equal(Words(keys), properties);
        Assert.Equal(Words(required), requiredInSchema);
        Assert.False((bool?)type["additionalProperties"] ?? true, $"{schema}{pointer}: additionalProperties must be false, as the loader reports unknown keys");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Schema_EveryClosedObjectType_IsInTheLoaderKeyTable(string schema)
    {
        var listed = LoaderKeys().Select(row => ((string)row.Data.Item1, (string)row.Data.Item2))
            .Where(p => p.Item1 == schema).Select(p => p.Item2).ToHashSet(StringComparer.Ordinal);
        var json = SchemaJson(schema);
        var closed = new[] { "" }.Concat((json["$defs"]?.AsObject() ?? []).Select(d => "/$defs/" + d.Key))
            .Where(p => Resolve(json, p)["properties"] is not null && Resolve(json, p)["additionalProperties"] is JsonValue);

        Assert.All(closed, p => Assert.True(listed.Contains(p), $"{schema}{p} is an object type missing from LoaderKeys"));
    }

    [Fact]
    public void Enums_AgreeWithTheEngine()
    {

        // From RulebookLoader.Codebook.cs: "judgement" / "number" / "yes-no".
        var type = Resolve(SchemaJson("codebook"), "/$defs/indicator")["properties"]!["type"]!["enum"]!.AsArray().Select(e => (string)e!);
        Assert.Equal(["judgement", "number", "yes-no"], type);

        // From RulebookLoader.Criteria.cs: m.Int("weight", required: false, 1, 100).
        var weight = Resolve(SchemaJson("criteria"), "/$defs/criterion")["properties"]!["weight"]!;
        Assert.Equal((1, 100), ((int)weight["minimum"]!, (int)weight["maximum"]!));
    }

    [Fact]
    public void FindingInRuleTests_IsTheFindingOfFindingsFiles()
    {
        static string Shape(JsonNode finding)
        {
            var copy = finding.DeepClone().AsObject();
            foreach (var (_, property) in copy["properties"]!.AsObject()) property!.AsObject().Remove("description");
            copy.Remove("description");
            return copy.ToJsonString();
        }

        Assert.Equal(Shape(Resolve(SchemaJson("findings"), "/$defs/finding")), Shape(Resolve(SchemaJson("rule-tests"), "/$defs/finding")));
    }

    private static JsonObject Resolve(JsonObject schema, string pointer)
    {
        JsonNode node = schema;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node[part] ?? throw new KeyNotFoundException($"{pointer} not found in the schema");
        }
        return node.AsObject();
    }

    private static IEnumerable<string> Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
}
