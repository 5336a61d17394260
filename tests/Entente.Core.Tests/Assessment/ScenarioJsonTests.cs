using System.Text.Json;
using Entente.Core.Assessment;
using Entente.Core.Treaties;
using static Entente.Core.Tests.Assessment.Scenarios;

namespace Entente.Core.Tests.Assessment;

public sealed class ScenarioJsonTests
{
    private const string ContractExample = """
        {"id":"any string","treaty":{"status":"InForce"},"exporter":{"party":"RU","membership":"Approved","screening":"Clear","stateIntermediary":false},"importer":{"party":"GB","membership":"Approved","screening":"Clear"},"item":{"rating":"ML1a","form":"Complete","classification":{"scheme":"RU","marking":"несекретно"},"forRating":null},"endUse":{"kind":"JointProject","projectApproved":true,"bothMembersOfProject":true},"quantity":10,"value":25000,"licence":null,"reTransfer":null,"expect":"LicenceRequired"}
        """;

    [Fact]
    public void Parse_ReadsEveryField_WhenContractExample()
    {
        var s = ScenarioJson.Parse(ContractExample).Scenario!;

        Assert.Equal("any string", s.Id);
        Assert.Equal(TreatyStatus.InForce, s.TreatyStatus);
        Assert.Equal(new ScenarioParty("RU", MembershipState.Approved, ScreeningState.Clear, false), s.Exporter);
        Assert.Equal(new ScenarioItem("ML1a", ItemForm.Complete, "RU", "несекретно", null), s.Item);
        Assert.True(s.EndUse.IsApproved);
        Assert.Equal((10m, 25000m), (s.Quantity, s.Value));
        Assert.Null(s.Licence);
        Assert.Equal(Outcome.LicenceRequired, s.Expect);
    }

    [Fact]
    public void Parse_ReadsLicenceAndReTransfer()
    {
        var line = ContractExample
            .Replace("\"licence\":null", "\"licence\":{\"status\":\"Expired\",\"coversExporter\":true,\"coversConsignee\":false,\"coversEndUser\":true,\"coversRating\":true,\"quantityLeft\":5,\"valueLeft\":100.5}", StringComparison.Ordinal)
            .Replace("\"reTransfer\":null", "\"reTransfer\":{\"originParty\":\"GB\",\"consent\":true}", StringComparison.Ordinal);

        var s = ScenarioJson.Parse(line).Scenario!;

        Assert.Equal(new ScenarioLicence(LicenceState.Expired, true, false, true, true, 5, 100.5m), s.Licence);
        Assert.Equal(new ReTransfer("GB", true), s.ReTransfer);
    }

    [Theory]
    [InlineData("\"status\":\"InForce\"", "\"status\":\"Active\"", "treaty.status must be one of")]
    [InlineData("\"form\":\"Complete\"", "\"form\":\"complete\"", "item.form must be one of")]
    [InlineData("\"quantity\":10,", "", "quantity is missing")]
    [InlineData("\"quantity\":10", "\"quantity\":-1", "must not be negative")]
    [InlineData("\"party\":\"GB\"", "\"party\":\"gbr\"", "importer.party")]
    [InlineData("\"membership\":\"Approved\",\"screening\":\"Clear\",\"stateIntermediary\":false", "\"membership\":\"Approved\"", "exporter.screening")]
    [InlineData("\"licence\":null", "\"licence\":{\"status\":\"Issued\"}", "licence.coversExporter")]
    [InlineData("\"expect\":\"LicenceRequired\"", "\"expect\":\"Maybe\"", "expect must be one of")]
    public void Parse_ReturnsErrorWithId_WhenFieldInvalid(string from, string to, string message)
    {
        var result = ScenarioJson.Parse(ContractExample.Replace(from, to, StringComparison.Ordinal));

        Assert.Null(result.Scenario);
        Assert.Contains(message, result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal("any string", result.Error.Id);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    [InlineData("{\"id\":")]
    [InlineData("")]
    public void Parse_ReturnsError_WhenNotAnObject(string line)
    {
        var result = ScenarioJson.Parse(line);

        Assert.NotNull(result.Error);
        Assert.Null(result.Error.Id);
    }

    [Fact]
    public void WriteDecision_FollowsContractShape()
    {
        var decision = Decide(Clean("ML4a") with { Id = "x1" });

        using var doc = JsonDocument.Parse(ScenarioJson.ToJson(decision));
        var root = doc.RootElement;

        Assert.Equal(["id", "outcome", "treatyVersion", "reasons"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Prohibited", root.GetProperty("outcome").GetString());
        var reason = Assert.Single(root.GetProperty("reasons").EnumerateArray().ToList());
        Assert.Equal(["clause", "outcome", "en", "ru"], reason.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Art. 7", reason.GetProperty("clause").GetString());
        Assert.Contains("ML4", reason.GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteDecision_KeepsCyrillicReadable()
    {
        var json = ScenarioJson.ToJson(Decide(Clean("ML4a")));

        Assert.Contains("исключённым", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteError_FollowsContractShape()
    {
        Assert.Equal("{\"id\":\"a\",\"error\":\"bad\"}", ScenarioJson.ToJson(new InputError("a", "bad")));
        Assert.Equal("{\"id\":null,\"error\":\"bad\"}", ScenarioJson.ToJson(new InputError(null, "bad")));
    }
}
