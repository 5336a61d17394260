using System.Globalization;

namespace Entente.Core.TransparencyLog;

/// <summary>The first place entries disagree with their links, or null.</summary>
/// <param name="Index">The first index whose bytes are not what the log recorded.</param>
/// <param name="Reason">What was found there.</param>
public sealed record EntryDefect(long Index, string Reason);

/// <summary>The result of recomputing a sequence of entries: the root over them, and the first defect if any.</summary>
/// <param name="Root">The RFC 9162 root of all entries as given.</param>
/// <param name="Defect">The first entry that breaks the sequence/previous links, or null.</param>
public sealed record EntryScan(byte[] Root, EntryDefect? Defect);

/// <summary>The verdict on a whole log export.</summary>
/// <param name="IsValid">True when signatures, links and root all check out.</param>
/// <param name="FirstBadIndex">The first index found altered, missing or out of order, when that can be named.</param>
/// <param name="Message">One line for the operator.</param>
/// <param name="EntryCount">How many entries the export holds.</param>
/// <param name="Checkpoint">The parsed checkpoint, when it got that far.</param>
/// <param name="Cosignatures">Names of the witnesses whose cosignatures verified.</param>
public sealed record LogVerificationReport(bool IsValid, long? FirstBadIndex, string Message, long EntryCount, Checkpoint? Checkpoint, IReadOnlyList<string> Cosignatures);

/// <summary>
/// Offline verification of a log: recompute every leaf and the root (leaf hashing runs in parallel over aligned chunks
/// whose perfect-subtree roots are joined at the end), check each entry's <see cref="LogEntryLink"/> to localise damage,
/// and check the checkpoint's signatures.
/// </summary>
public static class LogVerifier
{
    /// <summary>Leaves per parallel chunk (2^16): a perfect subtree, so chunk roots join without rehashing.</summary>
    public const int ChunkLevel = 16;

    /// <summary>Hashes every entry and checks its links; <paramref name="parallelism"/> threads share the chunks.</summary>
    public static EntryScan ScanEntries(IReadOnlyList<byte[]> entries, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var count = entries.Count;
        const long chunkSize = 1L << ChunkLevel;
        var chunks = (int)((count + chunkSize - 1) / chunkSize);
        var results = new ChunkResult[chunks];
        var workers = Math.Max(1, Math.Min(chunks, parallelism > 0 ? parallelism : Environment.ProcessorCount));
        var next = -1;

        // Workers pull chunk numbers from a shared counter (plain tasks keep Core on the base runtime assemblies).
        void Work()
        {
            int c;
            while ((c = Interlocked.Increment(ref next)) < chunks)
            {
                var start = c * chunkSize;
                var end = Math.Min(count, start + chunkSize);
                results[c] = ScanChunk(entries, start, end);
            }
        }

        var tasks = new Task[workers - 1];
        for (var w = 0; w < tasks.Length; w++)
        {
            tasks[w] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        Work();
        Task.WaitAll(tasks);

        var tree = new CompactMerkleTree();
        EntryDefect? defect = null;
        foreach (var result in results)
        {
            defect ??= result.Defect;
            foreach (var (level, hash) in result.Frontier)
            {
                tree.AppendSubtree(level, hash);
            }
        }

        if (defect is not null)
        {
            defect = Localise(entries, defect);
        }

        return new EntryScan(tree.Root(), defect);
    }

    /// <summary>
    /// Verifies an export against trusted keys. <paramref name="logVerifiers"/> must include the platform key; every
    /// cosignature by a key in <paramref name="witnessVerifiers"/> must verify, and <paramref name="requiredCosignatures"/>
    /// of them are required.
    /// </summary>
    public static LogVerificationReport Verify(LogExport export, IReadOnlyCollection<INoteVerifier> logVerifiers, IReadOnlyCollection<INoteVerifier> witnessVerifiers, int requiredCosignatures = 0, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(logVerifiers);
        ArgumentNullException.ThrowIfNull(witnessVerifiers);
        var count = export.Entries.Count;
        Checkpoint checkpoint;
        OpenedNote opened;
        try
        {
            var note = SignedNote.Parse(export.Checkpoint);
            checkpoint = Checkpoint.Parse(note.Text);
            if (!string.Equals(checkpoint.Origin, export.Origin, StringComparison.Ordinal))
            {
                return Fail(null, $"checkpoint origin '{checkpoint.Origin}' differs from the export origin '{export.Origin}'", count, checkpoint, []);
            }

            opened = note.Open(logVerifiers.Concat(witnessVerifiers));
        }
        catch (NoteFormatException e)
        {
            return Fail(null, "checkpoint: " + e.Message, count, null, []);
        }

        if (!opened.Verified.Any(s => logVerifiers.Any(v => Same(v, s))))
        {
            return Fail(null, "checkpoint is not signed by the platform key", count, checkpoint, []);
        }

        var cosigners = opened.Verified.Where(s => witnessVerifiers.Any(v => Same(v, s))).Select(s => s.KeyName).ToList();
        if (cosigners.Count < requiredCosignatures)
        {
            return Fail(null, $"{cosigners.Count} witness cosignature(s) verified; {requiredCosignatures} required", count, checkpoint, cosigners);
        }

        var scan = ScanEntries(export.Entries, parallelism);
        if (scan.Defect is not null)
        {
            return Fail(scan.Defect.Index, $"entry {scan.Defect.Index.ToString(CultureInfo.InvariantCulture)}: {scan.Defect.Reason}", count, checkpoint, cosigners);
        }

        if (count < checkpoint.Size)
        {
            return Fail(count, $"entry {count.ToString(CultureInfo.InvariantCulture)}: missing; the checkpoint covers {checkpoint.Size.ToString(CultureInfo.InvariantCulture)} entries but the export holds {count.ToString(CultureInfo.InvariantCulture)} (truncated or rolled back)", count, checkpoint, cosigners);
        }

        if (count > checkpoint.Size)
        {
            return Fail(checkpoint.Size, $"entry {checkpoint.Size.ToString(CultureInfo.InvariantCulture)}: not covered by the checkpoint of size {checkpoint.Size.ToString(CultureInfo.InvariantCulture)}", count, checkpoint, cosigners);
        }

        if (!scan.Root.AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            // Every link holds, so any change must reach the last entry: the links bind each entry to the next.
            var last = count - 1;
            return last < 0
                ? Fail(null, "root of the empty log does not match the checkpoint", count, checkpoint, cosigners)
                : Fail(last, $"entry {last.ToString(CultureInfo.InvariantCulture)}: the recomputed root does not match the signed checkpoint (the last entry, or a rewritten run ending with it, was altered)", count, checkpoint, cosigners);
        }

        return new LogVerificationReport(true, null, $"ok: {count.ToString(CultureInfo.InvariantCulture)} entries, root matches the checkpoint signed by {string.Join(", ", opened.Verified.Where(s => logVerifiers.Any(v => Same(v, s))).Select(s => s.KeyName))}; cosigned by {(cosigners.Count == 0 ? "no witness" : string.Join(", ", cosigners))}", count, checkpoint, cosigners);
    }

    private static LogVerificationReport Fail(long? index, string message, long count, Checkpoint? checkpoint, IReadOnlyList<string> cosigners) =>
        new(false, index, message, count, checkpoint, cosigners);

    private static bool Same(INoteVerifier verifier, NoteSignature signature) =>
        string.Equals(verifier.Name, signature.KeyName, StringComparison.Ordinal) && verifier.KeyId == signature.KeyId;

    /// <summary>Average entry size up to which eight-lane hashing beats the one-shot API (measured: bench/results/transparency-log.md).</summary>
    private const int LaneFriendlyEntryBytes = 512;

    [ThreadStatic]
    private static byte[]? t_leafBuffer;

    private static ChunkResult ScanChunk(IReadOnlyList<byte[]> entries, long start, long end)
    {
        var n = (int)(end - start);
        var leaves = t_leafBuffer ??= new byte[(1 << ChunkLevel) * MerkleHashing.HashSize];

        // Eight leaves per SHA-256 pass (see Sha256MultiBuffer) when entries are small, where the one-shot API's per-call
        // cost dominates; long entries go to the platform's SHA-256, whose hardware instructions win per byte.
        long totalBytes = 0;
        for (var i = 0; i < n; i++)
        {
            totalBytes += entries[(int)start + i].Length;
        }

        if (totalBytes <= (long)n * LaneFriendlyEntryBytes)
        {
            Sha256MultiBuffer.HashPrefixed(0x00, entries, (int)start, n, leaves);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                MerkleHashing.HashLeaf(entries[(int)start + i], leaves.AsSpan(i * MerkleHashing.HashSize, MerkleHashing.HashSize));
            }
        }

        Span<byte> previousLeaf = stackalloc byte[MerkleHashing.HashSize];
        Span<byte> recorded = stackalloc byte[MerkleHashing.HashSize];
        if (start > 0)
        {
            MerkleHashing.HashLeaf(entries[(int)(start - 1)], previousLeaf);
        }

        EntryDefect? defect = null;
        for (var i = 0; i < n && defect is null; i++)
        {
            var previous = i == 0 ? previousLeaf : leaves.AsSpan((i - 1) * MerkleHashing.HashSize, MerkleHashing.HashSize);
            defect = CheckLink(entries[(int)start + i], start + i, previous, recorded);
        }

        if (n == 1 << ChunkLevel)
        {
            // A full chunk is one perfect subtree: reduce it level by level, in place, eight nodes per pass.
            for (var width = n; width > 1; width /= 2)
            {
                Sha256MultiBuffer.HashNodes(leaves.AsSpan(0, width * MerkleHashing.HashSize), leaves.AsSpan(0, width / 2 * MerkleHashing.HashSize));
            }

            return new ChunkResult([(ChunkLevel, leaves.AsSpan(0, MerkleHashing.HashSize).ToArray())], defect);
        }

        // The ragged last chunk: its frontier, with levels relative to the chunk (aligned, so they join directly).
        var tree = new CompactMerkleTree();
        for (var i = 0; i < n; i++)
        {
            tree.Append(leaves.AsSpan(i * MerkleHashing.HashSize, MerkleHashing.HashSize));
        }

        return new ChunkResult(tree.Frontier(), defect);
    }

    private static EntryDefect? CheckLink(byte[] entry, long index, ReadOnlySpan<byte> previousLeaf, Span<byte> recorded)
    {
        if (!LogEntryLink.TryRead(entry, out var sequence, recorded, out _))
        {
            return new EntryDefect(index, "not a log entry (a JSON object with its sequence and the previous entry's hash)");
        }

        if (sequence != index)
        {
            return new EntryDefect(index, $"carries sequence {sequence.ToString(CultureInfo.InvariantCulture)}: an entry is missing, inserted or out of order here");
        }

        if (index > 0 && !recorded.SequenceEqual(previousLeaf))
        {
            return new EntryDefect(index, LinkBroken);
        }

        return null;
    }

    private const string LinkBroken = "link broken";

    /// <summary>
    /// A broken link between entries i−1 and i means one of the two changed. If entry i+1 still links to entry i as
    /// given, entry i is intact and entry i−1 was altered; otherwise entry i itself was altered.
    /// </summary>
    private static EntryDefect Localise(IReadOnlyList<byte[]> entries, EntryDefect defect)
    {
        if (!string.Equals(defect.Reason, LinkBroken, StringComparison.Ordinal))
        {
            return defect;
        }

        var i = defect.Index;
        var text = i.ToString(CultureInfo.InvariantCulture);
        if (i + 1 >= entries.Count)
        {
            return new EntryDefect(i - 1, $"altered: the last entry ({text}) records a different hash for it (or its own link was altered)");
        }

        var leaf = MerkleHashing.HashLeaf(entries[(int)i]);
        Span<byte> recorded = stackalloc byte[MerkleHashing.HashSize];
        var nextLinksToThis = LogEntryLink.TryRead(entries[(int)(i + 1)], out var sequence, recorded, out _) && sequence == i + 1 && recorded.SequenceEqual(leaf);
        return nextLinksToThis
            ? new EntryDefect(i - 1, $"altered: entry {text} records a different hash for it")
            : new EntryDefect(i, "altered: its link to the previous entry and its own hash (recorded by the next entry) both disagree");
    }

    private sealed record ChunkResult(IReadOnlyList<(int Level, byte[] Hash)> Frontier, EntryDefect? Defect);
}
