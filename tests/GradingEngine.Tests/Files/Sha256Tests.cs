using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GradingEngine.Files;
using Xunit;

namespace GradingEngine.Tests.Files;

/// <summary>The managed SHA-256 gives the platform's digest: the FIPS 180-4 examples, every padding case, random inputs.</summary>
public class Sha256Tests
{
    private static string Platform(byte[] data) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));

    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Hex_PublishedExamples_PublishedDigests(string text, string digest)
    {
        Assert.Equal(digest, Sha256.Hex(text));
    }

    [Fact]
    public void Hex_MillionA_PublishedDigest()
    {
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.Hex(new string('a', 1_000_000)));
    }

    [Fact]
    public void Hex_EveryLengthAroundTwoBlocks_SameAsPlatform()
    {
        // Lengths 0 to 200 cross the one- and two-block padding cases (55, 56, 63, 64 bytes and their multiples).
        for (var length = 0; length <= 200; length++)
        {
            var data = Enumerable.Range(0, length).Select(i => (byte)(i * 31 + length)).ToArray();
            Assert.Equal(Platform(data), Sha256.Hex(data));
        }
    }

    [Property(MaxTest = 300)]
    public Property Hex_RandomBytes_SameAsPlatform() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf()), data =>
            Assert.Equal(Platform(data), Sha256.Hex(data)));

    [Fact]
    public void Hex_Text_HashesItsUtf8()
    {
        var text = "Grade: réquires improvement — “quoted”";
        Assert.Equal(Platform(Encoding.UTF8.GetBytes(text)), Sha256.Hex(text));
    }
}
