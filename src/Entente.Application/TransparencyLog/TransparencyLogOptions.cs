using Entente.Core.TransparencyLog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Entente.Application.TransparencyLog;

/// <summary>
/// The log's configuration (section <c>TransparencyLog</c>). The origin names the log in every checkpoint and is
/// the platform key's name. In Production the platform's signing key is read from <see cref="SigningKeyFile"/>
/// (a C2SP skey, <c>entente keys generate</c>); elsewhere, without a file, a key is generated on first start and
/// kept in the database. Witness keys are each authority's cosignature/v1 vkey.
/// </summary>
public sealed class TransparencyLogOptions
{
    public const string Section = "TransparencyLog";

    public string Origin { get; set; } = "entente.example/gb-ru-2014";

    /// <summary>Path of the platform's skey file; required in Production.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>How often the checkpoint service looks for new entries to sign.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Each authority's witness key: party code (GB, RU) → cosignature/v1 vkey.</summary>
    public Dictionary<string, string> Witnesses { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Checks the options at start, so a misconfigured node refuses to run rather than sign with a wrong key.</summary>
internal sealed class TransparencyLogOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<TransparencyLogOptions>
{
    public ValidateOptionsResult Validate(string? name, TransparencyLogOptions options)
    {
        var failures = new List<string>();
        if (!SignedNote.IsValidKeyName(options.Origin ?? string.Empty))
        {
            failures.Add("TransparencyLog:Origin must be a non-empty name without spaces or '+', e.g. entente.example/gb-ru-2014.");
        }

        if (options.CheckpointInterval <= TimeSpan.Zero)
        {
            failures.Add("TransparencyLog:CheckpointInterval must be positive.");
        }

        if (string.IsNullOrWhiteSpace(options.SigningKeyFile))
        {
            if (environment?.IsProduction() == true)
            {
                failures.Add("TransparencyLog:SigningKeyFile is required in Production (create one with 'entente keys generate').");
            }
        }
        else
        {
            try
            {
                var key = Ed25519Keys.ParseSigningKey(File.ReadAllText(options.SigningKeyFile));
                if (key.SignatureType != SignedNote.Ed25519Type || !string.Equals(key.Name, options.Origin, StringComparison.Ordinal))
                {
                    failures.Add($"TransparencyLog:SigningKeyFile must hold an Ed25519 note key named '{options.Origin}' (the origin).");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NoteFormatException)
            {
                // The message names the file and the problem, never the key material.
                failures.Add($"TransparencyLog:SigningKeyFile '{options.SigningKeyFile}' cannot be used: {e.Message}");
            }
        }

        foreach (var (authority, vkey) in options.Witnesses)
        {
            try
            {
                if (Ed25519Keys.ParseVerifierKey(vkey) is not Ed25519CosignatureVerifier)
                {
                    failures.Add($"TransparencyLog:Witnesses:{authority} must be a cosignature/v1 (type 0x04) vkey.");
                }
            }
            catch (NoteFormatException e)
            {
                failures.Add($"TransparencyLog:Witnesses:{authority}: {e.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
