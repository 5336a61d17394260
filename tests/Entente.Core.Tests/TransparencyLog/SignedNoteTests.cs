using System.Text;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;

namespace Entente.Core.Tests.TransparencyLog;

/// <summary>C2SP signed notes against the published vectors (golang/mod sumdb/note, C2SP, sum.golang.org).</summary>
public sealed class SignedNoteTests
{
    private static readonly System.Text.Json.JsonElement[] All = Vectors.Load("signed-note-vectors.json").GetProperty("vectors").EnumerateArray().ToArray();

    private static System.Text.Json.JsonElement Vector(string id) => All.Single(v => v.GetProperty("id").GetString() == id);

    [Fact]
    public void Sign_ReproducesTheKnownSignature_ByteForByte()
    {
        var vector = Vector("go-note-TestSign");
        var key = Ed25519Keys.ParseSigningKey(vector.GetProperty("skey").GetString()!);
        var signer = new Ed25519NoteSigner(key);
        Assert.Equal(vector.GetProperty("vkey").GetString(), signer.VerifierKey);
        Assert.Equal(vector.GetProperty("vkey").GetString(), key.VerifierKey());
        var note = SignedNote.Sign(vector.GetProperty("text").GetString()!, signer);
        Assert.Equal(vector.GetProperty("signed_note").GetString(), note.Format());
    }

    [Fact]
    public void Open_VerifiesKnownKey_AndSetsAsideUnknownOnes()
    {
        var peter = Vector("go-note-TestSign");
        var enoch = Vector("go-note-TestOpen-enoch");
        var text = peter.GetProperty("signed_note").GetString()! + enoch.GetProperty("sig_line").GetString() + "\n";
        var note = SignedNote.Parse(text);
        var opened = note.Open([Ed25519Keys.ParseVerifierKey(peter.GetProperty("vkey").GetString()!)]);
        Assert.Equal("PeterNeumann", Assert.Single(opened.Verified).KeyName);
        Assert.Equal("EnochRoot", Assert.Single(opened.Unverified).KeyName);
        Assert.Equal(text, note.Format());

        var both = note.Open([Ed25519Keys.ParseVerifierKey(peter.GetProperty("vkey").GetString()!), Ed25519Keys.ParseVerifierKey(enoch.GetProperty("vkey").GetString()!)]);
        Assert.Equal(2, both.Verified.Count);

        var none = Assert.Throws<NoteFormatException>(() => note.Open([]));
        Assert.Contains("no verifiable signatures", none.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Rejects_MoreThanAHundredSignatures()
    {
        var vector = Vector("go-note-TestSign");
        var signed = vector.GetProperty("signed_note").GetString()!;
        var line = signed[(signed.LastIndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        var text = vector.GetProperty("text").GetString()! + "\n" + string.Concat(Enumerable.Repeat(line, 101));
        Assert.Throws<NoteFormatException>(() => SignedNote.Parse(text));
    }

    [Theory]
    [InlineData("c2sp-signed-note-example")]
    [InlineData("sum.golang.org-real-checkpoint")]
    public void Open_Verifies_PublishedNotes(string id)
    {
        var vector = Vector(id);
        var note = SignedNote.Parse(vector.GetProperty("signed_note").GetString()!);
        var opened = note.Open([Ed25519Keys.ParseVerifierKey(vector.GetProperty("vkey").GetString()!)]);
        Assert.Single(opened.Verified);
    }

    [Fact]
    public void Checkpoint_Parses_TheRealSumDbCheckpoint()
    {
        var note = SignedNote.Parse(Vector("sum.golang.org-real-checkpoint").GetProperty("signed_note").GetString()!);
        var checkpoint = Checkpoint.Parse(note.Text);
        Assert.Equal("go.sum database tree", checkpoint.Origin);
        Assert.Equal(6476701, checkpoint.Size);
        Assert.Equal(note.Text, checkpoint.Format());
    }

    [Theory]
    [InlineData("sum.golang.org-real-checkpoint", "6476701", "6476702")]
    [InlineData("sum.golang.org-real-checkpoint", "go.sum", "go.Sum")]
    [InlineData("c2sp-signed-note-example", "example message", "example massage")]
    public void Open_Rejects_TamperedText(string id, string from, string to)
    {
        var vector = Vector(id);
        var tampered = vector.GetProperty("signed_note").GetString()!.Replace(from, to, StringComparison.Ordinal);
        var note = SignedNote.Parse(tampered);
        var error = Assert.Throws<NoteFormatException>(() => note.Open([Ed25519Keys.ParseVerifierKey(vector.GetProperty("vkey").GetString()!)]));
        Assert.Contains("invalid signature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Rejects_ATamperedSignature()
    {
        var vector = Vector("sum.golang.org-real-checkpoint");
        var note = SignedNote.Parse(vector.GetProperty("signed_note").GetString()!);
        var signature = note.Signatures[0];
        var bad = signature.Signature.ToArray();
        bad[10] ^= 1;
        var tampered = note with { Signatures = [signature with { Signature = bad }] };
        Assert.Throws<NoteFormatException>(() => tampered.Open([Ed25519Keys.ParseVerifierKey(vector.GetProperty("vkey").GetString()!)]));
    }

    [Theory]
    [InlineData("no blank line\n\u2014 a AAAAAAA=\n")]
    [InlineData("text\n\n\u2014 a AAAAAAA=")]
    [InlineData("text\n\n- a AAAAAAA=\n")]
    [InlineData("text\n\n\u2014 a+b AAAAAAA=\n")]
    [InlineData("text\n\n\u2014 a !!notbase64\n")]
    [InlineData("text\n\n\u2014 a AAAA\n")]
    [InlineData("te\txt\n\n\u2014 a AAAAAAA=\n")]
    public void Parse_Rejects_MalformedNotes(string text) =>
        Assert.Throws<NoteFormatException>(() => SignedNote.Parse(text));

    [Fact]
    public void Parse_Rejects_InvalidUtf8() =>
        Assert.Throws<NoteFormatException>(() => SignedNote.Parse(new byte[] { 0x61, 0xff, 0x0a, 0x0a }.Concat(Encoding.UTF8.GetBytes("\u2014 a AAAAAAA=\n")).ToArray()));

    [Fact]
    public void VerifierKeys_SplitOnTheFirstTwoPlusSigns_AndCheckTheKeyId()
    {
        var key = VerifierKey.Parse("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");
        Assert.Equal("sum.golang.org", key.Name);
        Assert.Equal(0x033de0aeu, key.KeyId);
        Assert.True(key.HasDerivedKeyId());
        Assert.Throws<NoteFormatException>(() => Ed25519Keys.ParseVerifierKey("sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"));
        Assert.Throws<NoteFormatException>(() => Ed25519Keys.ParseVerifierKey("nokeyid"));
        Assert.Throws<NoteFormatException>(() => Ed25519Keys.ParseVerifierKey("a+zzzzzzzz+AQ=="));
    }

    [Fact]
    public void ParseSigningKey_GivesClearErrors()
    {
        Assert.Contains("PRIVATE+KEY", Assert.Throws<NoteFormatException>(() => Ed25519Keys.ParseSigningKey("Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ")).Message, StringComparison.Ordinal);
        Assert.Contains("key ID", Assert.Throws<NoteFormatException>(() => Ed25519Keys.ParseSigningKey("PRIVATE+KEY+Log+2271c622+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ")).Message, StringComparison.Ordinal);
        Assert.Contains("base64", Assert.Throws<NoteFormatException>(() => Ed25519Keys.ParseSigningKey("PRIVATE+KEY+Log+2271c621+!!!")).Message, StringComparison.Ordinal);
        Assert.Contains("unsupported", Assert.Throws<NoteFormatException>(() => Ed25519Keys.ParseSigningKey("PRIVATE+KEY+Log+2271c621+AtEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generate_MakesKeysThatRoundTripAndSign(bool cosigner)
    {
        var key = Ed25519Keys.Generate("entente.example/log", cosigner);
        var parsed = Ed25519Keys.ParseSigningKey(key.Format());
        Assert.Equal(key.Seed, parsed.Seed);
        Assert.DoesNotContain(Convert.ToBase64String(key.Seed), key.ToString(), StringComparison.Ordinal);
        var verifier = Ed25519Keys.ParseVerifierKey(key.VerifierKey());
        INoteSigner signer = cosigner ? new Ed25519CosignatureSigner(key.Name, key.Seed, TimeProvider.System) : new Ed25519NoteSigner(key);
        var note = SignedNote.Sign("entente.example/log\n1\n" + Convert.ToBase64String(new byte[32]) + "\n", signer);
        Assert.Single(SignedNote.Parse(note.Format()).Open([verifier]).Verified);
    }

    [Fact]
    public void CosignatureTimestamp_IsReadFromThePublishedSignature()
    {
        var vector = Vector("cosig-v1-vkeys").GetProperty("timestamp_vector");
        var bytes = Convert.FromBase64String(vector.GetProperty("sig_base64").GetString()!);
        Assert.True(CosignatureV1.TryParse(bytes.AsSpan(4), out var timestamp, out var signature));
        Assert.Equal(vector.GetProperty("want_timestamp").GetUInt64(), timestamp);
        Assert.Equal(64, signature.Length);

        var plain = Vector("cosig-v1-vkeys").GetProperty("timestamp_wrong_type").GetString()!.Split(' ')[0];
        Assert.False(CosignatureV1.TryParse(Convert.FromBase64String(plain).AsSpan(4), out _, out _));
    }

    [Fact]
    public void CosignatureVerifierKey_OfTypeFour_IsAccepted()
    {
        var verifier = Ed25519Keys.ParseVerifierKey("remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2");
        Assert.IsType<Ed25519CosignatureVerifier>(verifier);
        Assert.Equal(0xda77ade7u, verifier.KeyId);
    }
}
