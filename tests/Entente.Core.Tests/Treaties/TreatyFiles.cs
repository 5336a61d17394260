using System.Text.Json.Nodes;

namespace Entente.Core.Tests.Treaties;

/// <summary>The shipped treaty file's text, and edited copies of it for validation tests.</summary>
internal static class TreatyFiles
{
    public static string Shipped()
    {
        using var stream = typeof(Entente.Application.Treaties.TreatyCatalogue).Assembly.GetManifestResourceStream("Entente.Treaties.gb-ru-2014.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string Edited(Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(Shipped())!;
        edit(node);
        return node.ToJsonString();
    }
}
