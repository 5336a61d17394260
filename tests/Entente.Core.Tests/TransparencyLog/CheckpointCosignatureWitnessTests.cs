using System.Text;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;

namespace Entente.Core.Tests.TransparencyLog;

/// <summary>
/// The derived vectors: a checkpoint signed by the transparency-dev "Log" test key, a cosignature/v1 by the "Known"
/// key, a tlog-witness add-checkpoint body and a tlog-proof. Ed25519 is deterministic, so each is reproduced exactly.
/// </summary>
public sealed class CheckpointCosignatureWitnessTests
{
    private static readonly System.Text.Json.JsonElement V = Vectors.Load("derived-checkpoint-cosig-witness.json");
    private static readonly System.Text.Json.JsonElement Tree = Vectors.Load("derived-rfc6962-8leaf-all-proofs.json");

    private static string S(string name) => V.GetProperty(name).GetString()!;

    private static List<byte[]> Leaves => Vectors.HexList(Tree.GetProperty("leafInputsHex")).Select(i => MerkleHashing.HashLeaf(i)).ToList();

    private static Ed25519NoteSigner LogSigner => new(Ed25519Keys.ParseSigningKey(S("log_skey")));

    private static Ed25519CosignatureSigner Witness
    {
        get
        {
            var key = Ed25519Keys.ParseSigningKey(S("witness_seed_skey_type01_form"));
            return new Ed25519CosignatureSigner(key.Name, key.Seed, TimeProvider.System);
        }
    }

    [Fact]
    public void Checkpoint_IsReproduced_AndSignedByteForByte()
    {
        var store = Vectors.BuildStore(Leaves, out var tree);
        var checkpoint = new Checkpoint("Log", tree.Size, tree.Root());
        Assert.Equal(S("checkpoint_body"), checkpoint.Format());
        Assert.Equal(S("signed_checkpoint"), SignedNote.Sign(checkpoint.Format(), LogSigner).Format());
        Assert.Equal(S("log_vkey"), LogSigner.VerifierKey);
        Assert.Equal(MerkleProofs.RootAt(store, 8), Checkpoint.Parse(S("checkpoint_body")).RootHash);
    }

    [Fact]
    public void Cosignature_IsReproduced_AndVerifies()
    {
        var witness = Witness;
        Assert.Equal(S("witness_cosig_vkey_type04"), witness.VerifierKey);
        Assert.Equal(S("cosignature_signed_message"), Encoding.UTF8.GetString(CosignatureV1.SignedMessage(S("checkpoint_body"), 1_700_000_000)));
        var line = witness.Cosign(S("checkpoint_body"), 1_700_000_000).ToLine();
        Assert.Equal(S("cosignature_line"), line);

        var cosigned = SignedNote.Parse(S("signed_checkpoint") + line);
        var opened = cosigned.Open([Ed25519Keys.ParseVerifierKey(S("log_vkey")), Ed25519Keys.ParseVerifierKey(S("witness_cosig_vkey_type04"))]);
        Assert.Equal(["Log", "Known"], opened.Verified.Select(s => s.KeyName));
        Assert.True(CosignatureV1.TryParse(opened.Verified[1].Signature, out var timestamp, out _));
        Assert.Equal(1_700_000_000UL, timestamp);
    }

    [Fact]
    public void Cosignature_FailsToVerify_WhenItsTimestampIsChanged()
    {
        var signature = SignedNote.ParseSignatureLine(S("cosignature_line"));
        var changed = signature.Signature.ToArray();
        changed[7] ^= 1;
        var note = SignedNote.Parse(S("signed_checkpoint")) with { Signatures = [signature with { Signature = changed }] };
        Assert.Throws<NoteFormatException>(() => note.Open([Ed25519Keys.ParseVerifierKey(S("witness_cosig_vkey_type04"))]));
    }

    [Fact]
    public void AddCheckpointBody_IsReproduced_AndParses()
    {
        var store = Vectors.BuildStore(Leaves, out _);
        var request = new AddCheckpointRequest(6, MerkleProofs.ConsistencyProof(store, 6, 8), S("signed_checkpoint"));
        Assert.Equal(S("add_checkpoint_request_body_old6"), request.Format());
        var parsed = AddCheckpointRequest.Parse(S("add_checkpoint_request_body_old6"));
        Assert.Equal(6, parsed.OldSize);
        Assert.Equal(3, parsed.ConsistencyProof.Count);
        Assert.Equal(S("signed_checkpoint"), parsed.SignedCheckpoint);
    }

    [Fact]
    public void Witness_Cosigns_WhenTheProofLinksItsLastCheckpoint()
    {
        var verdict = WitnessPolicy.Decide(S("add_checkpoint_request_body_old6"), Follow(State(6)));
        Assert.Equal(WitnessOutcome.Cosign, verdict.Outcome);
        Assert.Equal(200, verdict.StatusCode);
        Assert.Equal(8, verdict.NewState!.Size);
        Assert.Equal(Checkpoint.Parse(S("checkpoint_body")).RootHash, verdict.NewState.RootHash);
    }

    [Fact]
    public void Witness_Answers409WithItsSize_WhenOldSizeDiffers()
    {
        var verdict = WitnessPolicy.Decide(S("add_checkpoint_request_body_old6"), Follow(State(5)));
        Assert.Equal(409, verdict.StatusCode);
        Assert.Equal(5, verdict.LatestSize);
        Assert.Equal("5\n", WitnessPolicy.ConflictBody(verdict.LatestSize!.Value));

        var never = WitnessPolicy.Decide(S("add_checkpoint_request_body_old6"), Follow(null));
        Assert.Equal(409, never.StatusCode);
        Assert.Equal(0, never.LatestSize);
    }

    [Fact]
    public void Witness_Answers404_ForAnUnknownOrigin() =>
        Assert.Equal(404, WitnessPolicy.Decide(S("add_checkpoint_request_body_old6"), _ => null).StatusCode);

    [Fact]
    public void Witness_Answers403_WhenNoTrustedKeySigned()
    {
        var other = new Ed25519NoteSigner(Ed25519Keys.ParseSigningKey("PRIVATE+KEY+Known+451c786d+AQPRoE2+Z+Ed1HaHBA9F/FfracvcZ2rDU39kCecMEoci"));
        var verdict = WitnessPolicy.Decide(S("add_checkpoint_request_body_old6"), _ => new WitnessedLog([Ed25519Keys.ParseVerifierKey(other.VerifierKey)], State(6)));
        Assert.Equal(403, verdict.StatusCode);

        var forged = S("add_checkpoint_request_body_old6").Replace("\nLog\n8\n", "\nLog\n9\n", StringComparison.Ordinal);
        Assert.Equal(403, WitnessPolicy.Decide(forged, Follow(State(6))).StatusCode);
    }

    [Fact]
    public void Witness_Answers422WithEvidence_WhenTheProofDoesNotVerify()
    {
        var body = S("add_checkpoint_request_body_old6");
        var lines = body.Split('\n');
        lines[2] = Convert.ToBase64String(new byte[32]);
        var verdict = WitnessPolicy.Decide(string.Join('\n', lines), Follow(State(6)));
        Assert.Equal(422, verdict.StatusCode);
        Assert.True(verdict.IsEvidence);
    }

    [Fact]
    public void Witness_Answers422_WhenItsOwnRootDiffersAtTheOldSize()
    {
        var state = new WitnessState(6, Vectors.HexList(Tree.GetProperty("rootsBySizeHex"))[5]);
        Assert.Equal(422, WitnessPolicy.Decide(S("add_checkpoint_request_body_old6"), Follow(state)).StatusCode);
    }

    [Fact]
    public void Witness_AcceptsOldZero_OnlyWithAnEmptyProof()
    {
        var checkpoint = S("signed_checkpoint");
        var empty = new AddCheckpointRequest(0, [], checkpoint).Format();
        Assert.Equal(200, WitnessPolicy.Decide(empty, Follow(null)).StatusCode);

        var withProof = new AddCheckpointRequest(0, [new byte[32]], checkpoint).Format();
        Assert.Equal(422, WitnessPolicy.Decide(withProof, Follow(null)).StatusCode);
    }

    [Fact]
    public void Witness_Answers400_ForOldSizeAboveTheCheckpointOrAMalformedBody()
    {
        Assert.Equal(400, WitnessPolicy.Decide(new AddCheckpointRequest(9, [], S("signed_checkpoint")).Format(), Follow(new WitnessState(9, new byte[32]))).StatusCode);
        Assert.Equal(400, WitnessPolicy.Decide("old 06\n\n" + S("signed_checkpoint"), Follow(State(6))).StatusCode);
        Assert.Equal(400, WitnessPolicy.Decide("new 6\n\n" + S("signed_checkpoint"), Follow(State(6))).StatusCode);
        Assert.Equal(400, WitnessPolicy.Decide("old 6\n" + S("signed_checkpoint"), Follow(State(6))).StatusCode);
    }

    [Fact]
    public void Witness_Answers422_ForSizeZeroWithoutTheEmptyRoot()
    {
        var text = new Checkpoint("Log", 0, new byte[32]).Format();
        var body = new AddCheckpointRequest(0, [], SignedNote.Sign(text, LogSigner).Format()).Format();
        Assert.Equal(422, WitnessPolicy.Decide(body, Follow(null)).StatusCode);
        var good = new AddCheckpointRequest(0, [], SignedNote.Sign(new Checkpoint("Log", 0, MerkleHashing.EmptyRoot.ToArray()).Format(), LogSigner).Format()).Format();
        Assert.Equal(200, WitnessPolicy.Decide(good, Follow(null)).StatusCode);
    }

    [Fact]
    public void AddCosignatures_AppendsTheVerifiedWitnessLines_AndIgnoresUnknownOnes()
    {
        var stranger = new Ed25519CosignatureSigner("stranger", new byte[32], TimeProvider.System);
        var response = S("cosignature_line") + stranger.Cosign(S("checkpoint_body"), 1).ToLine();
        var witnesses = new[] { Ed25519Keys.ParseVerifierKey(S("witness_cosig_vkey_type04")) };
        var cosigned = WitnessPolicy.AddCosignatures(S("signed_checkpoint"), response, witnesses);
        Assert.Equal(S("signed_checkpoint") + S("cosignature_line"), cosigned.Format());
        Assert.Equal(cosigned.Format(), WitnessPolicy.AddCosignatures(cosigned.Format(), S("cosignature_line"), witnesses).Format());

        var forged = SignedNote.ParseSignatureLine(S("cosignature_line"));
        var bad = forged.Signature.ToArray();
        bad[20] ^= 1;
        Assert.Throws<NoteFormatException>(() => WitnessPolicy.AddCosignatures(S("signed_checkpoint"), (forged with { Signature = bad }).ToLine(), witnesses));
        Assert.Throws<NoteFormatException>(() => WitnessPolicy.AddCosignatures(S("signed_checkpoint"), stranger.Cosign(S("checkpoint_body"), 1).ToLine(), witnesses));
    }

    [Fact]
    public void TlogProof_IsReproduced_AndVerifiesOffline()
    {
        var store = Vectors.BuildStore(Leaves, out _);
        var cosigned = S("signed_checkpoint") + S("cosignature_line");
        var proof = new TlogProof(null, 5, MerkleProofs.InclusionProof(store, 5, 8), cosigned);
        Assert.Equal(S("tlog_proof_leaf5"), proof.Format());

        var parsed = TlogProof.Parse(S("tlog_proof_leaf5"));
        var log = new[] { Ed25519Keys.ParseVerifierKey(S("log_vkey")) };
        var witnesses = new[] { Ed25519Keys.ParseVerifierKey(S("witness_cosig_vkey_type04")) };
        var check = parsed.Verify(Leaves[5], "Log", log, witnesses, requiredCosignatures: 1);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(1, check.Cosignatures);

        Assert.False(parsed.Verify(Leaves[4], "Log", log, witnesses, 1).IsValid);
        Assert.False(parsed.Verify(Leaves[5], "Other", log, witnesses, 1).IsValid);
        Assert.False(parsed.Verify(Leaves[5], "Log", log, witnesses, 2).IsValid);
        Assert.False(parsed.Verify(Leaves[5], "Log", [Ed25519Keys.ParseVerifierKey("Known+451c786d+AXAQ0T7lbwuY4ABJ9/MYY9bWV3hmSyOGVt2x42NkmdUH")], [], 0).IsValid);
        Assert.False((parsed with { Index = 4 }).Verify(Leaves[5], "Log", log, witnesses, 1).IsValid);
    }

    [Fact]
    public void TlogProof_RoundTrips_ExtraData_AndRejectsMalformedText()
    {
        var proof = new TlogProof([1, 2, 3], 0, [], S("signed_checkpoint"));
        var parsed = TlogProof.Parse(proof.Format());
        Assert.Equal([1, 2, 3], parsed.Extra);
        Assert.Equal(0, parsed.Index);
        Assert.Throws<NoteFormatException>(() => TlogProof.Parse("c2sp.org/tlog-proof@v2\nindex 1\n\n" + S("signed_checkpoint")));
        Assert.Throws<NoteFormatException>(() => TlogProof.Parse("c2sp.org/tlog-proof@v1\nindex 01\n\n" + S("signed_checkpoint")));
        Assert.Throws<NoteFormatException>(() => TlogProof.Parse("c2sp.org/tlog-proof@v1\nindex 1\nAAAA\n\n" + S("signed_checkpoint")));
    }

    [Theory]
    [InlineData("Log\n8\n")]
    [InlineData("\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")]
    [InlineData("Log\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")]
    [InlineData("Log\n-8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n")]
    [InlineData("Log\n8\nXcnaeacGWamtVZy3Ad7Zoqudgjqt\n")]
    [InlineData("Log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n\n")]
    [InlineData("Log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=")]
    public void Checkpoint_Rejects_MalformedText(string text) =>
        Assert.Throws<NoteFormatException>(() => Checkpoint.Parse(text));

    [Fact]
    public void Checkpoint_KeepsExtensionLines()
    {
        var text = "Log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\nextension one\n";
        var checkpoint = Checkpoint.Parse(text);
        Assert.Equal(["extension one"], checkpoint.Extensions);
        Assert.Equal(text, checkpoint.Format());
    }

    private static WitnessState State(int size) => new(size, Vectors.HexList(Tree.GetProperty("rootsBySizeHex"))[size]);

    private static Func<string, WitnessedLog?> Follow(WitnessState? state) =>
        origin => origin == "Log" ? new WitnessedLog([Ed25519Keys.ParseVerifierKey(S("log_vkey"))], state) : null;
}
