using System.Security.Cryptography;
using Entente.Application.Common;
using Entente.Application.Persistence;
using Entente.Application.TransparencyLog;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Identity;

public sealed record IssueApiToken(string? Name, int? ExpiresInDays);

/// <summary>The token as issued: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record IssuedApiToken(Guid Id, string Name, string Token, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

public sealed record ApiTokenRow(Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>Personal API tokens: issued to oneself, listed, revoked; stored as SHA-256 of the secret.</summary>
public sealed class ApiTokenService(EntenteDbContext db, LogEntryWriter log, TimeProvider clock)
{
    /// <summary>Tokens start with this so secret scanners and people can recognise them.</summary>
    public const string TokenPrefix = "ent_";

    public async Task<Result<IssuedApiToken>> IssueAsync(Actor actor, IssueApiToken request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var name = errors.Required("name", request.Name, 100);
        if (request.ExpiresInDays is < 1 or > 366)
        {
            errors.Add("expiresInDays", "must be between 1 and 366 days.");
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return await db.InTransactionAsync<IssuedApiToken>(async () =>
        {
            var now = clock.GetUtcNow();
            var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
            var token = new ApiToken
            {
                Id = Guid.CreateVersion7(now),
                UserId = actor.UserId,
                Name = name,
                Prefix = secret[..12],
                SecretHash = Hash(secret),
                CreatedAt = now,
                ExpiresAt = now.AddDays(request.ExpiresInDays ?? 90),
            };
            db.ApiTokens.Add(token);
            await log.AppendAsync(actor, "token.issued", "token/" + token.Id.ToString("D"), actor.OrganisationId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["token"] = token.Id,
                ["user"] = actor.UserId,
                ["expiresAt"] = token.ExpiresAt,
            }, cancellationToken);
            return new IssuedApiToken(token.Id, token.Name, secret, token.Prefix, token.CreatedAt, token.ExpiresAt);
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenRow>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == actor.UserId)
            .Select(t => new ApiTokenRow(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(t => t.CreatedAt).ToList();
    }

    public async Task<Result<ApiTokenRow>> RevokeAsync(Actor actor, Guid tokenId, CancellationToken cancellationToken) =>
        await db.InTransactionAsync<ApiTokenRow>(async () =>
        {
            var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == actor.UserId, cancellationToken);
            if (token is null)
            {
                return new Error.NotFound("token-not-found", $"Token {tokenId} was not found.");
            }

            if (token.RevokedAt is not null)
            {
                return new Error.Conflict("token-already-revoked", "This token is already revoked.");
            }

            token.RevokedAt = clock.GetUtcNow();
            await log.AppendAsync(actor, "token.revoked", "token/" + token.Id.ToString("D"), actor.OrganisationId, new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["token"] = token.Id,
                ["user"] = actor.UserId,
            }, cancellationToken);
            return new ApiTokenRow(token.Id, token.Name, token.Prefix, token.CreatedAt, token.ExpiresAt, token.RevokedAt, token.LastUsedAt);
        }, cancellationToken);

    /// <summary>The user a presented token belongs to, or null when it is unknown, revoked or expired.</summary>
    public async Task<Guid?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!presented.StartsWith(TokenPrefix, StringComparison.Ordinal) || presented.Length > 128)
        {
            return null;
        }

        var hash = Hash(presented);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.SecretHash == hash, cancellationToken);
        var now = clock.GetUtcNow();
        if (token is null || !token.IsActive(now))
        {
            return null;
        }

        // Last use is a convenience for the owner, not a record: update it at most once a minute to spare the database.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return token.UserId;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
