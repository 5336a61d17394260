using System.Text.Json;
using System.Text.Json.Nodes;
using Entente.Application.Common;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Core.Assessment;
using Entente.Core.Treaties;
using Microsoft.EntityFrameworkCore;

namespace Entente.Application.Treaties;

/// <summary>
/// Assesses one transfer, given as one scenario in the JSON of contracts/assessment.md, against the treaty version in
/// force. A scenario that leaves out <c>treaty</c> is judged under the treaty's recorded status (suspended means
/// Prohibited under Art. 3); one that gives it is a what-if under that status, as the contract's scenario suites are.
/// For the authorities' officers and auditors; a check, not a decision on a real transfer, so nothing is recorded.
/// </summary>
public sealed record AssessTransfer(string? ScenarioJson);

/// <summary>The decision, its JSON in the contract's output shape, and the treaty status it was judged under.</summary>
public sealed record TransferAssessment(Decision Decision, string Json, string TreatyStatus, bool StatusFromRecord);

public sealed class AssessTransferHandler(EntenteDbContext db, TreatyEngines engines)
{
    /// <summary>Largest scenario accepted; a contract scenario is well under 2 KB.</summary>
    public const int MaxScenarioLength = 64 * 1024;

    public static bool CanAssess(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsInRole(EntenteRoles.AuthorityOfficer) || actor.IsInRole(EntenteRoles.Auditor);
    }

    public async Task<Result<TransferAssessment>> HandleAsync(Actor actor, AssessTransfer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CanAssess(actor))
        {
            return new Error.Forbidden("not-assessor", "Only the authorities' officers and auditors assess transfers here.");
        }

        if (string.IsNullOrWhiteSpace(request.ScenarioJson) || request.ScenarioJson.Length > MaxScenarioLength)
        {
            return Invalid($"a scenario is required: one JSON object as the assessment contract defines it, at most {MaxScenarioLength} characters.");
        }

        var treaty = TreatySteps.Treaty;
        var record = await db.Treaties.AsNoTracking().Where(t => t.TreatyId == treaty.Id)
            .Select(t => new { t.Status, t.VersionInForce }).SingleOrDefaultAsync(cancellationToken);
        var status = record?.Status ?? TreatyStatus.Draft;
        var version = record?.VersionInForce ?? treaty.Version;

        var (json, fromRecord) = WithRecordedStatus(request.ScenarioJson, status);
        var parsed = ScenarioJson.Parse(json);
        if (parsed.Error is { } parseError)
        {
            return Invalid(parseError.Message);
        }

        var engine = await engines.ForVersionAsync(db, version, cancellationToken)
            ?? throw new InvalidOperationException($"the treaty version in force ({version}) has no loadable file");
        var result = engine.Assess(parsed.Scenario!);
        if (result.Error is { } inputError)
        {
            return Invalid(inputError.Message);
        }

        return new TransferAssessment(result.Decision!, ScenarioJson.ToJson(result.Decision!), parsed.Scenario!.TreatyStatus.ToString(), fromRecord);
    }

    // The problem itself is the detail, so a caller reads what is wrong without digging into the field list.
    private static Error.Validation Invalid(string message) =>
        new("invalid-scenario", message, new Dictionary<string, string[]>(StringComparer.Ordinal) { ["scenario"] = [message] });

    // A scenario object without "treaty" gets the recorded status; anything else goes to the parser untouched, which
    // reports what is wrong with it.
    private static (string Json, bool FromRecord) WithRecordedStatus(string json, TreatyStatus status)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return (json, false);
        }

        if (node is not JsonObject obj || obj.ContainsKey("treaty"))
        {
            return (json, false);
        }

        obj["treaty"] = new JsonObject { ["status"] = status.ToString() };
        return (obj.ToJsonString(), true);
    }
}
