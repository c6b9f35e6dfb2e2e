using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GradingEngine.Tests.Support;
using GradingEngine.Tooling.Records;
using Xunit;

namespace GradingEngine.Tests.Tooling.Records;

/// <summary>Decision records: reproducible, self-contained, and any edit to one is detected and named.</summary>
public class DecisionRecordTests
{
    private static readonly Lazy<string> SeedRecord = new(() => WriteSeedRecord());

    private static string WriteSeedRecord()
    {
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        var result = GradingPipeline.Grade(rulebook, GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!);
        return GradingPipeline.WriteRecord(result, out var problem) ?? throw new InvalidOperationException(problem);
    }

    /// <summary>The seed graded with the embedded rulebook: its trace names the rule files by the rulebook's id.</summary>
    private static readonly Lazy<string> EmbeddedRecord = new(() =>
    {
        var rulebook = GradingPipeline.LoadRulebook(GradingEngine.Load.RulebookSource.Embedded("peel-2015-effectiveness")!).Value!;
        var result = GradingPipeline.Grade(rulebook, GradingPipeline.LoadInspection(Repo.SeedFindings, rulebook).Value!);
        return GradingPipeline.WriteRecord(result, out var problem) ?? throw new InvalidOperationException(problem);
    });

    private static RecordVerification VerifyText(string record, string? rules = null, string? findings = null)
    {
        using var temp = new TempFolder();
        return GradingPipeline.VerifyRecord(temp.Write("record.json", record), rules, findings);
    }

    [Fact]
    public void Verify_SeedRecordFromItsOwnInputs_Verified()
    {
        var verification = VerifyText(SeedRecord.Value);

        Assert.True(verification.Verified, string.Join("\n", verification.Mismatches));
        Assert.Contains("grades and trace", verification.Checked);
        Assert.Contains("report", verification.Checked);
    }

    [Fact]
    public void Verify_SeedRecordAgainstTheRepositoryFiles_Verified()
    {
        var verification = VerifyText(SeedRecord.Value, Repo.DefaultRules, Repo.SeedFindings);

        Assert.True(verification.Verified, string.Join("\n", verification.Mismatches));
    }

    [Fact]
    public void Write_EmbeddedRulebook_TraceNamesRuleFilesByRulebookId()
    {
        using var json = JsonDocument.Parse(EmbeddedRecord.Value);
        var rulebook = json.RootElement.GetProperty("rulebook");
        var q1 = json.RootElement.GetProperty("result").GetProperty("questions")[0];

        Assert.Equal("peel-2015-effectiveness", rulebook.GetProperty("embedded").GetString());
        // The files the record holds stay relative to the rulebook: verify writes them out as a folder.
        Assert.Contains(rulebook.GetProperty("files").EnumerateArray(), f => f.GetProperty("path").GetString() == "criteria/q1.yaml");
        Assert.Matches(@"^peel-2015-effectiveness/criteria/q1\.yaml:\d+$", q1.GetProperty("criteria")[0].GetProperty("rule").GetString()!);
        Assert.Equal("peel-2015-effectiveness/thresholds.yaml", q1.GetProperty("decidedBy").GetProperty("file").GetString());
    }

    [Fact]
    public void Write_FolderRulebook_NoEmbeddedKeyAndRelativeNames()
    {
        using var json = JsonDocument.Parse(SeedRecord.Value);

        Assert.False(json.RootElement.GetProperty("rulebook").TryGetProperty("embedded", out _));
        Assert.Equal("thresholds.yaml", json.RootElement.GetProperty("result").GetProperty("questions")[0].GetProperty("decidedBy").GetProperty("file").GetString());
    }

    [Fact]
    public void Verify_EmbeddedRecordFromItsOwnInputs_Verified()
    {
        var verification = VerifyText(EmbeddedRecord.Value);

        Assert.True(verification.Verified, string.Join("\n", verification.Mismatches));
        Assert.Contains("grades and trace", verification.Checked);
    }

    [Fact]
    public void Verify_EmbeddedRecordAgainstTheRepositoryFolder_Verified()
    {
        var verification = VerifyText(EmbeddedRecord.Value, Repo.DefaultRules, Repo.SeedFindings);

        Assert.True(verification.Verified, string.Join("\n", verification.Mismatches));
    }

    [Fact]
    public void Verify_EmbeddedKeyNotAString_Unreadable()
    {
        var root = JsonNode.Parse(EmbeddedRecord.Value)!;
        root["rulebook"]!["embedded"] = 1;

        var verification = VerifyText(root.ToJsonString());

        Assert.Equal("not a decision record: `rulebook.embedded` is not string", verification.Unreadable);
    }

    [Fact]
    public void Verify_EmbeddedKeyRemoved_RecordHashAndTraceMismatch()
    {
        // Taking the key away would make verify name the files relative: the hash and the trace both catch it.
        var root = JsonNode.Parse(EmbeddedRecord.Value)!;
        root["rulebook"]!.AsObject().Remove("embedded");

        var verification = VerifyText(root.ToJsonString());

        Assert.Contains(verification.Mismatches, m => m.Part == "record");
        Assert.Contains(verification.Mismatches, m => m.Part == "trace");
    }

    [Fact]
    public void Write_Twice_AndUnderAnotherCulture_ByteIdentical()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Assert.Equal(SeedRecord.Value, WriteSeedRecord());
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Write_Seed_HoldsEveryInputHashAndNoTimestamp()
    {
        using var json = JsonDocument.Parse(SeedRecord.Value);
        var root = json.RootElement;

        Assert.Equal(["format", "engine", "rulebook", "findings", "inputs", "result", "sha256"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(8, root.GetProperty("rulebook").GetProperty("files").GetArrayLength());
        Assert.Equal(64, root.GetProperty("findings").GetProperty("sha256").GetString()!.Length);
        Assert.Equal("report.txt", root.GetProperty("findings").GetProperty("report").GetProperty("file").GetString());
        Assert.Equal(DecisionRecord.Hash(root), root.GetProperty("sha256").GetString());
        Assert.DoesNotMatch(@"20\d\d-\d\d-\d\dT", SeedRecord.Value);
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("linked elsewhere")]
    public void Write_ReportChangedAfterGrading_RefusedInsteadOfEmbeddingIt(string change)
    {
        // Arrange: the seed graded from a copy, then its report replaced before the record is written.
        using var temp = new TempFolder();
        var report = Path.Combine(temp.Path, "case", "report.txt");
        var findings = temp.Write("case/findings.yaml", File.ReadAllText(Repo.SeedFindings));
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), report);
        var rulebook = GradingPipeline.LoadRulebook(Repo.DefaultRules).Value!;
        var result = GradingPipeline.Grade(rulebook, GradingPipeline.LoadInspection(findings, rulebook).Value!);
        var secret = temp.Write("secret.txt", File.ReadAllText(report) + "root:*:20228:0:99999:7:::\n");
        File.Delete(report);
        if (change == "edited") File.Copy(secret, report);
        else File.CreateSymbolicLink(report, secret);

        // Act
        var record = GradingPipeline.WriteRecord(result, out var problem);

        // Assert
        Assert.Null(record);
        Assert.Equal("report `report.txt` changed while grading", problem);
    }

    [Fact]
    public void Verify_EditedQuoteInFindingsFile_FailsAndNamesThatFinding()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Repo.SeedFolder, "report.txt"), Path.Combine(temp.Path, "report.txt"));
        var findings = temp.Write("findings.yaml", File.ReadAllText(Repo.SeedFindings)
            .Replace("strong commitment to protecting people from harm", "strong commitment to protect people from harm", StringComparison.Ordinal));

        var verification = VerifyText(SeedRecord.Value, findings: findings);

        Assert.False(verification.Verified);
        Assert.Contains(verification.Mismatches, m => m.Part == "finding Q1-02" && m.Message.Contains("`quote`", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_ChangedThresholdFile_NamesTheFileAndTheGrade()
    {
        using var temp = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(Repo.DefaultRules, "*.yaml", SearchOption.AllDirectories))
        {
            temp.Write(Path.Combine("rules", Path.GetRelativePath(Repo.DefaultRules, file)), File.ReadAllText(file));
        }
        var thresholds = Path.Combine(temp.Path, "rules", "thresholds.yaml");
        File.WriteAllText(thresholds, File.ReadAllText(thresholds).Replace("areas-for-improvement.weight <= 5", "areas-for-improvement.weight <= 3", StringComparison.Ordinal));

        var verification = VerifyText(SeedRecord.Value, rules: Path.Combine(temp.Path, "rules"));

        Assert.Contains(verification.Mismatches, m => m.Part == "rulebook file thresholds.yaml");
        Assert.Contains(verification.Mismatches, m => m.Part == "grade Q1" && m.Message.Contains("recorded `good`, now `requires-improvement`", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"format\": 1}")]
    [InlineData("{\"format\": \"gradingengine-decision-record/1\"}")]
    [InlineData("[]")]
    public void Verify_NotARecord_Unreadable(string text)
    {
        var verification = VerifyText(text);

        Assert.NotNull(verification.Unreadable);
        Assert.False(verification.Verified);
    }

    public static TheoryData<string> FieldPaths()
    {
        // One mutation per kind of field: the first occurrence of each path with array indices collapsed.
        using var json = JsonDocument.Parse(SeedRecord.Value);
        var seen = new HashSet<string>();
        var data = new TheoryData<string>();
        void Walk(JsonElement e, string path, string pattern)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject()) Walk(p.Value, $"{path}/{p.Name}", $"{pattern}/{p.Name}");
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in e.EnumerateArray()) Walk(item, $"{path}/{i++}", $"{pattern}/[]");
                    break;
                default:
                    if (seen.Add(pattern)) data.Add(path);
                    break;
            }
        }
        Walk(json.RootElement, "", "");
        return data;
    }

    [Theory]
    [MemberData(nameof(FieldPaths))]
    public void Verify_RecordWithOneFieldMutated_MismatchDetected(string path)
    {
        var root = JsonNode.Parse(SeedRecord.Value)!;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = parts[..^1].Aggregate(root, (node, part) => node is JsonArray a ? a[int.Parse(part, CultureInfo.InvariantCulture)]! : node[part]!);
        JsonNode? Mutate(JsonNode? value) => value?.GetValueKind() switch
        {
            JsonValueKind.String => JsonValue.Create(value.GetValue<string>() + "x"),
            JsonValueKind.Number => JsonValue.Create(value.GetValue<decimal>() + 1),
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create(!value.GetValue<bool>()),
            _ => JsonValue.Create("mutated"),
        };
        if (parent is JsonArray array)
        {
            var index = int.Parse(parts[^1], CultureInfo.InvariantCulture);
            array[index] = Mutate(array[index]);
        }
        else
        {
            parent[parts[^1]] = Mutate(parent[parts[^1]]);
        }

        var verification = VerifyText(root.ToJsonString());

        Assert.False(verification.Verified, $"mutating {path} went unnoticed");
        Assert.True(verification.Unreadable is not null || verification.Mismatches.Count > 0);
    }
}
