using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Entente.Web.Tests.Features.Treaties;

/// <summary>Scenarios in the JSON of contracts/assessment.md: a clean GB→RU transfer to vary.</summary>
internal static class TreatyScenarios
{
    public static JsonObject Clean(string rating = "ML13a", string form = "Complete", string? status = null)
    {
        var scenario = new JsonObject
        {
            ["id"] = "web-" + rating,
            ["exporter"] = new JsonObject { ["party"] = "GB", ["membership"] = "Approved", ["screening"] = "Clear", ["stateIntermediary"] = false },
            ["importer"] = new JsonObject { ["party"] = "RU", ["membership"] = "Approved", ["screening"] = "Clear" },
            ["item"] = new JsonObject
            {
                ["rating"] = rating,
                ["form"] = form,
                ["classification"] = new JsonObject { ["scheme"] = "GB", ["marking"] = "OFFICIAL" },
                ["forRating"] = null,
            },
            ["endUse"] = new JsonObject { ["kind"] = "JointProject", ["projectApproved"] = true, ["bothMembersOfProject"] = true },
            ["quantity"] = 10,
            ["value"] = 25000,
            ["licence"] = null,
            ["reTransfer"] = null,
        };
        if (status is not null)
        {
            scenario["treaty"] = new JsonObject { ["status"] = status };
        }

        return scenario;
    }

    public static StringContent Body(string json) => new(json, new MediaTypeHeaderValue("application/json"));

    public static StringContent Body(JsonObject scenario) => Body(scenario.ToJsonString());
}
