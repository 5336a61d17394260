using Entente.Core.TransparencyLog;

namespace Entente.Application.TransparencyLog;

/// <summary>
/// Verifies a log export with Ed25519 keys. The platform key is the one trusted vkey of type 0x01; witness keys are
/// those of type 0x04. Keys come from the operator (<paramref name="trustedKeys"/>) when given, else from the export
/// itself — which proves integrity against that key but not that the key is the platform's: say so to the user.
/// </summary>
public static class LogExportVerification
{
    /// <summary>Runs the full offline verification.</summary>
    public static LogVerificationReport Verify(LogExport export, IReadOnlyList<string>? trustedKeys = null, int requiredCosignatures = 0, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(export);
        var keys = trustedKeys is { Count: > 0 } ? trustedKeys : export.VerifierKeys;
        var verifiers = keys.Select(Ed25519Keys.ParseVerifierKey).ToList();
        var log = verifiers.OfType<Ed25519NoteVerifier>().Cast<INoteVerifier>().ToList();
        var witnesses = verifiers.OfType<Ed25519CosignatureVerifier>().Cast<INoteVerifier>().ToList();
        if (log.Count == 0)
        {
            throw new NoteFormatException("no platform key (an Ed25519 vkey of type 0x01) to check the checkpoint with");
        }

        return LogVerifier.Verify(export, log, witnesses, requiredCosignatures, parallelism);
    }
}
