using GradingEngine.Cli;
using GradingEngine.Tests.Support;
using Xunit;

namespace GradingEngine.Tests.Cli;

public class VerifyCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = GradingCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void GradeWithRecord_ThenVerify_Exit0()
    {
        using var temp = new TempFolder();
        var record = Path.Combine(temp.Path, "record.json");

        var graded = Run("grade", Repo.SeedFindings, "--record", record);
        var verified = Run("verify", record);

        Assert.Equal(0, graded.Code);
        Assert.True(File.Exists(record));
        Assert.Equal(0, verified.Code);
        Assert.Contains("verified: the record is exactly what the engine produces from its inputs", verified.Out);
    }

    [Fact]
    public void Verify_EditedRecord_Exit1NamesTheGrade()
    {
        using var temp = new TempFolder();
        var record = Path.Combine(temp.Path, "record.json");
        Run("grade", Repo.SeedFindings, "--record", record);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(record))!;
        json["result"]!["questions"]![2]!["grade"] = "good";
        File.WriteAllText(record, json.ToJsonString());

        var (code, stdout, _) = Run("verify", record);

        Assert.Equal(1, code);
        Assert.Contains("MISMATCH record: the record was edited", stdout);
        Assert.Contains("MISMATCH grade Q3", stdout);
    }

    [Fact]
    public void Verify_NotARecord_Exit2()
    {
        using var temp = new TempFolder();
        var path = temp.Write("x.json", "{ \"hello\": 1 }");

        var (code, _, stderr) = Run("verify", path);

        Assert.Equal(2, code);
        Assert.Contains("not a decision record", stderr);
    }

    [Fact]
    public void GradeWithRecord_TwoFindingsFiles_Exit2WithoutWritingIt()
    {
        using var temp = new TempFolder();
        var record = Path.Combine(temp.Path, "record.json");

        var (code, _, stderr) = Run("grade", Repo.SeedFindings, Repo.SeedFindings, "--record", record);

        Assert.Equal(2, code);
        Assert.Contains("`--record` takes exactly one findings file", stderr);
        Assert.False(File.Exists(record));
    }
}
