using Entente.Application.Persistence;
using Entente.Core.TransparencyLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Entente.Application.TransparencyLog;

/// <summary>
/// The platform's checkpoint-signing key: from <see cref="TransparencyLogOptions.SigningKeyFile"/> when configured
/// (Production), else the key kept in the database, generated on first use (Development). Every node of one
/// deployment reads the same key. The key material is never logged.
/// </summary>
public sealed class PlatformLogKey(IServiceScopeFactory scopes, IOptions<TransparencyLogOptions> options, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Ed25519NoteSigner? _signer;

    public async Task<Ed25519NoteSigner> GetSignerAsync(CancellationToken cancellationToken)
    {
        if (_signer is not null)
        {
            return _signer;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _signer ??= await LoadAsync(cancellationToken);
            return _signer;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The platform's vkey (what verifiers pin).</summary>
    public async Task<INoteVerifier> GetVerifierAsync(CancellationToken cancellationToken)
    {
        var signer = await GetSignerAsync(cancellationToken);
        return new Ed25519NoteVerifier(signer.Name, signer.PublicKey);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<Ed25519NoteSigner> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.SigningKeyFile))
        {
            return new Ed25519NoteSigner(Ed25519Keys.ParseSigningKey(await File.ReadAllTextAsync(settings.SigningKeyFile, cancellationToken)));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EntenteDbContext>();
        var stored = await db.LogSigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Name == settings.Origin, cancellationToken);
        if (stored is null)
        {
            var generated = Ed25519Keys.Generate(settings.Origin, cosigner: false);
            db.LogSigningKeys.Add(new LogSigningKey { Name = settings.Origin, PrivateKey = generated.Format(), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored = db.LogSigningKeys.Local.Single();
            }
            catch (DbUpdateException)
            {
                // Another node generated it first: use theirs, so the deployment has one key.
                db.ChangeTracker.Clear();
                stored = await db.LogSigningKeys.AsNoTracking().SingleAsync(k => k.Name == settings.Origin, cancellationToken);
            }
        }

        return new Ed25519NoteSigner(Ed25519Keys.ParseSigningKey(stored.PrivateKey));
    }
}
