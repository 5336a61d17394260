using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Application.Screening.Lists;
using Entente.Application.TransparencyLog;
using Entente.Core.Screening;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Screening;

/// <summary>Imports a list file as the next version of a stored list (contract: screening.md, <c>entente lists import</c>).</summary>
public sealed record ImportList(string FilePath, string? Format, string? ListName);

/// <summary>A list held in memory, imported as if read from <paramref name="SourceFileName"/> (recorded with the version).</summary>
#pragma warning disable CA1819 // The content is handed over once and hashed as is; a copy would only cost memory.
public sealed record ImportListContent(string SourceFileName, byte[] Content, string? Format, string? ListName);
#pragma warning restore CA1819

public sealed record ImportedList(string ListName, int Version, int EntityCount, int Added, int Changed, int Removed, string Sha256, long LogSequence);

/// <summary>How far an import has come: <paramref name="Done"/> of <paramref name="Total"/> entries written.</summary>
public readonly record struct ImportProgress(string Stage, int Done, int Total);

public sealed class ImportListHandler(EntenteDbContext db, LogEntryWriter log, TimeProvider clock)
{
    private const int BatchSize = 2000;

    public async Task<Result<ImportedList>> HandleAsync(Actor actor, ImportList request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (Refused(actor, request.Format, request.ListName, out var listName) is { } refused)
        {
            return refused;
        }

        // The whole file is parsed before the database is touched: a malformed file changes nothing.
        progress?.Report(new ImportProgress("reading", 0, 1));
        SanctionsList parsed;
        string sha256;
        string sourceName;
        try
        {
            parsed = ListFormats.Load(request.FilePath, request.Format!, listName);
            var hashed = HashedFile(request.FilePath, request.Format!);
            sourceName = Path.GetFileName(hashed);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(hashed)));
        }
        catch (ListFormatException e)
        {
            return new Error.Validation("malformed-list", Path.GetFileName(request.FilePath) + ": " + e.Message, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = [e.Message] });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Error.NotFound("list-file-not-readable", request.FilePath + ": " + e.Message);
        }

        return await StoreAsync(actor, request.Format!, listName, parsed, sourceName, sha256, progress, cancellationToken);
    }

    /// <summary>
    /// Imports a list held in memory rather than in a file — one shipped inside the platform, such as the demo's
    /// extract — exactly as a file of a single-file format would be (<c>ofac-csv</c>, a set of files, is not accepted).
    /// </summary>
    public async Task<Result<ImportedList>> HandleAsync(Actor actor, ImportListContent request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.Equals(request.Format, ListFormats.OfacCsv, StringComparison.Ordinal))
        {
            return Error.Invalid("format", "an ofac-csv set is several files: import it from its folder.");
        }

        if (Refused(actor, request.Format, request.ListName, out var listName) is { } refused)
        {
            return refused;
        }

        progress?.Report(new ImportProgress("reading", 0, 1));
        SanctionsList parsed;
        try
        {
            using var stream = new MemoryStream(request.Content, writable: false);
            parsed = ListFormats.Read(stream, request.Format!, listName);
        }
        catch (ListFormatException e)
        {
            return new Error.Validation("malformed-list", request.SourceFileName + ": " + e.Message, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = [e.Message] });
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content));
        return await StoreAsync(actor, request.Format!, listName, parsed, Path.GetFileName(request.SourceFileName), sha256, progress, cancellationToken);
    }

    /// <summary>The refusal of an import before anything is read, or null; <paramref name="listName"/> is the name to store under.</summary>
    private static Error? Refused(Actor actor, string? format, string? requestedName, out string listName)
    {
        listName = string.Empty;
        if (!actor.IsInRole(EntenteRoles.Administrator))
        {
            return new Error.Forbidden("not-administrator", "Only an administrator imports sanctions lists.");
        }

        if (format is null || !ListFormats.All.Contains(format, StringComparer.Ordinal))
        {
            return Error.Invalid("format", $"must be one of {string.Join(", ", ListFormats.All)}.");
        }

        listName = string.IsNullOrWhiteSpace(requestedName) ? ListFormats.DefaultListName(format) : requestedName.Trim();
        return listName.Length > StoredList.NameMaxLength ? Error.Invalid("listName", $"must be at most {StoredList.NameMaxLength} characters.") : null;
    }

    private async Task<Result<ImportedList>> StoreAsync(Actor actor, string format, string listName, SanctionsList parsed, string sourceName, string sha256, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var incoming = new Dictionary<string, StoredListEntry>(StringComparer.Ordinal);
        foreach (var entry in parsed.Entries)
        {
            if (entry.EntityId.Length > 128)
            {
                return Error.Invalid("file", $"the entity id '{entry.EntityId[..20]}…' is longer than 128 characters.");
            }

            // Parsers of the official formats merge an entity's rows; a repeated id that survives is one entity.
            incoming.TryAdd(entry.EntityId, ToRow(entry));
        }

        progress?.Report(new ImportProgress("reading", 1, 1));
        return await db.InTransactionAsync<ImportedList>(async () =>
        {
            var now = clock.GetUtcNow();
            var list = await db.ScreeningLists.FirstOrDefaultAsync(l => l.Name == listName, cancellationToken);
            if (list is null)
            {
                list = new StoredList { Id = Guid.CreateVersion7(now), Name = listName, CreatedAt = now };
                db.ScreeningLists.Add(list);
            }

            var number = list.CurrentVersion + 1;
            var existing = await db.ScreeningListEntries.AsNoTracking().Where(e => e.ListId == list.Id)
                .Select(e => new { e.EntityId, e.ContentHash, e.Revision }).ToDictionaryAsync(e => e.EntityId, StringComparer.Ordinal, cancellationToken);

            var added = new List<StoredListEntry>();
            var changed = new List<StoredListEntry>();
            foreach (var (id, row) in incoming)
            {
                row.ListId = list.Id;
                if (!existing.TryGetValue(id, out var before))
                {
                    row.Revision = number;
                    added.Add(row);
                }
                else if (!string.Equals(before.ContentHash, row.ContentHash, StringComparison.Ordinal))
                {
                    row.Revision = number;
                    changed.Add(row);
                }
            }

            var removed = existing.Keys.Where(id => !incoming.ContainsKey(id)).ToList();
            var version = new StoredListVersion
            {
                Id = Guid.CreateVersion7(now),
                ListId = list.Id,
                Number = number,
                ImportedAt = now,
                ImportedBy = actor.UserId,
                ImportedByName = actor.UserName,
                SourceFileName = sourceName.Length > 260 ? sourceName[..260] : sourceName,
                Sha256 = sha256,
                EntityCount = incoming.Count,
                Added = added.Count,
                Changed = changed.Count,
                Removed = removed.Count,
            };
            list.Format = format;
            list.CurrentVersion = number;
            list.CurrentVersionId = version.Id;
            db.ScreeningListVersions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            // Entries are written in batches with the tracker cleared, so a list of tens of thousands stays fast.
            var total = added.Count + changed.Count + removed.Count;
            var done = 0;
            progress?.Report(new ImportProgress("writing", 0, total));
            foreach (var batch in removed.Chunk(BatchSize))
            {
                var ids = batch.ToList();
                await db.ScreeningListEntries.Where(e => e.ListId == list.Id && ids.Contains(e.EntityId)).ExecuteDeleteAsync(cancellationToken);
                done += batch.Length;
                progress?.Report(new ImportProgress("writing", done, total));
            }

            // New rows are inserted and changed ones updated, in the same batches.
            foreach (var (rows, write) in new (List<StoredListEntry>, Action<StoredListEntry[]>)[]
                { (added, db.ScreeningListEntries.AddRange), (changed, db.ScreeningListEntries.UpdateRange) })
            {
                foreach (var batch in rows.Chunk(BatchSize))
                {
                    write(batch);
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                    done += batch.Length;
                    progress?.Report(new ImportProgress("writing", done, total));
                }
            }

            var entry = await log.AppendAsync(actor, "screening.list-imported", "screening-list/" + list.Id.ToString("D"), null, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["list"] = list.Name,
                ["listId"] = list.Id,
                ["version"] = number,
                ["format"] = format,
                ["sha256"] = sha256,
                ["entities"] = incoming.Count,
                ["added"] = added.Count,
                ["changed"] = changed.Count,
                ["removed"] = removed.Count,
            }, cancellationToken);
            return new ImportedList(list.Name, number, incoming.Count, added.Count, changed.Count, removed.Count, sha256, entry.Sequence);
        }, cancellationToken);
    }

    /// <summary>The file whose hash is recorded: the named file, or the sdn.csv (else alt.csv) of an OFAC set.</summary>
    private static string HashedFile(string path, string format)
    {
        if (!string.Equals(format, ListFormats.OfacCsv, StringComparison.Ordinal) || File.Exists(path))
        {
            return path;
        }

        var folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var sdn = Path.Combine(folder, "sdn.csv");
        return File.Exists(sdn) ? sdn : Path.Combine(folder, "alt.csv");
    }

    internal static StoredListEntry ToRow(ListEntry entry)
    {
        var aliases = JsonSerializer.Serialize(entry.Aliases);
        var type = entry.Type.ToString();
        var content = string.Join('\u001f', type, entry.PrimaryName, aliases, entry.Country ?? string.Empty);
        return new StoredListEntry
        {
            EntityId = entry.EntityId,
            EntityType = type,
            PrimaryName = entry.PrimaryName,
            Aliases = aliases,
            Country = entry.Country is { Length: > 200 } c ? c[..200] : entry.Country,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))),
        };
    }

    internal static ListEntry FromRow(StoredListEntry row) => new(
        row.EntityId,
        Enum.TryParse<EntityType>(row.EntityType, out var type) ? type : EntityType.Unknown,
        row.PrimaryName,
        JsonSerializer.Deserialize<string[]>(row.Aliases) ?? [],
        row.Country);
}
