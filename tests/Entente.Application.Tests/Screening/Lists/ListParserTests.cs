using Entente.Application.Screening.Lists;
using Entente.Core.Screening;
using Entente.Testing;

namespace Entente.Application.Tests.Screening.Lists;

public sealed class ListParserTests
{
    private static string TestData(string file) => Path.Combine(AppContext.BaseDirectory, "Screening", "Lists", "TestData", file);

    [Fact]
    public void EntenteCsv_ReadsEntries_WhenWellFormed()
    {
        const string text = "id,type,name,aliases,country\r\n" +
                            "E1,organisation,\"Rosoboronexport, JSC\",\"Рособоронэкспорт;ROSOBORONEKSPORT\",Russia\r\n";
        var list = EntenteCsvParser.Parse(new StringReader(text), "internal");
        var entry = Assert.Single(list.Entries);
        Assert.Equal("E1", entry.EntityId);
        Assert.Equal(EntityType.Organisation, entry.Type);
        Assert.Equal("Rosoboronexport, JSC", entry.PrimaryName);
        Assert.Equal(["Рособоронэкспорт", "ROSOBORONEKSPORT"], entry.Aliases);
        Assert.Equal("Russia", entry.Country);
    }

    [Theory]
    [InlineData("id,type,name,aliases,country\nE1,person,Ivan Ivanov,,RU\nE2,person,,,RU\n", 3)]
    [InlineData("id,type,name,aliases,country\nE1,person,Ivan Ivanov,,RU\nE1,person,Petr Petrov,,RU\n", 3)]
    [InlineData("id,type,name,aliases,country\nE1,person,Ivan Ivanov,,RU\n\nE2,robot,X,,RU\n", 4)]
    [InlineData("id,type,name,aliases,country\nE1,person,\"Ivan Ivanov,,RU\n", 2)]
    [InlineData("id,type,name,aliases,country\nE1,person,Ivan Ivanov,RU\n", 2)]
    [InlineData("id;type;name\n", 1)]
    public void EntenteCsv_ThrowsWithLineNumber_WhenMalformed(string text, int line)
    {
        var error = Assert.Throws<ListFormatException>(() => EntenteCsvParser.Parse(new StringReader(text)));
        Assert.Equal(line, error.Line);
        Assert.Contains("line " + line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfacCsv_JoinsAliasesAndCountry_WhenSetComplete()
    {
        var sdn = "18782,\"ROSOBORONEKSPORT OAO\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n" +
                  "100,\"IVANOV, Ivan\",\"individual\",\"RUSSIA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001a";
        var alt = "18782,1,\"aka\",\"ROSOBORONEXPORT\",-0- \r\n";
        var add = "18782,5,-0- ,\"Moscow\",\"Russia\",-0- \r\n";
        var list = OfacCsvParser.Parse(new StringReader(sdn), new StringReader(alt), new StringReader(add));
        Assert.Equal(2, list.Entries.Count);
        Assert.Equal(["ROSOBORONEXPORT"], list.Entries[0].Aliases);
        Assert.Equal("Russia", list.Entries[0].Country);
        Assert.Equal(EntityType.Person, list.Entries[1].Type);
    }

    [Fact]
    public void OfacCsv_ThrowsWithLineNumber_WhenEntityNumberIsNotANumber()
    {
        var alt = "1,1,\"aka\",\"A\",-0- \nX,2,\"aka\",\"B\",-0- \n";
        var error = Assert.Throws<ListFormatException>(() => OfacCsvParser.Parse(null, new StringReader(alt), null));
        Assert.Equal(2, error.Line);
        Assert.Contains("alt.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OfacCsv_ReadsAliasesOnlySet_WhenNoSdnFile()
    {
        var folder = Path.GetDirectoryName(SharedData.RequireFile("sanctions/ofac-2025/alt.csv"))!;
        var list = ListFormats.Load(folder, ListFormats.OfacCsv);
        Assert.Equal(8653, list.Entries.Count);
    }

    [Fact]
    public void OfacCsv_ReadsAliasesOnlySet_WhenGivenItsAltFile()
    {
        var list = ListFormats.Load(SharedData.RequireFile("sanctions/ofac-2025/alt.csv"), ListFormats.OfacCsv);
        var rosoboronexport = Assert.Single(list.Entries, e => e.EntityId == "18782");
        Assert.Equal("RUSSIAN DEFENSE EXPORT ROSOBORONEXPORT", rosoboronexport.PrimaryName);
        Assert.Equal("Russia", rosoboronexport.Country);
    }

    [Fact]
    public void OfacCsv_ReadsFullSet_When2021Set()
    {
        var list = ListFormats.Load(SharedData.RequireFile("sanctions/ofac-2021/sdn.csv"), ListFormats.OfacCsv);
        Assert.Equal(8976, list.Entries.Count);
        Assert.Contains(list.Entries, e => e.PrimaryName == "ROSOBORONEKSPORT OAO");
    }

    [Fact]
    public void UnXml_ReadsIndividualsAndEntities_FromPublishedList()
    {
        using var stream = File.OpenRead(SharedData.RequireFile("sanctions/un/UN_consolidated_2026-02.xml"));
        var list = UnXmlParser.Parse(stream);
        Assert.Equal(1003, list.Entries.Count);
        Assert.Contains(list.Entries, e => e.Type == EntityType.Person && e.PrimaryName == "ERIC BADEGE");
        Assert.Contains(list.Entries, e => e.Type == EntityType.Organisation);
    }

    [Fact]
    public void UnXml_ThrowsWithLineNumber_WhenXmlBroken()
    {
        var xml = "<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATAID>\n</CONSOLIDATED_LIST>";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        var error = Assert.Throws<ListFormatException>(() => UnXmlParser.Parse(stream));
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void UkCsv_GroupsRowsByUniqueId_WithNonLatinNames()
    {
        using var reader = new StreamReader(TestData("uk_sanctions_sample.csv"));
        var list = UkCsvParser.Parse(reader);
        Assert.Equal(2, list.Entries.Count);
        var person = list.Entries[0];
        Assert.Equal("RUS0001", person.EntityId);
        Assert.Equal(EntityType.Person, person.Type);
        Assert.Equal("Mikhail Timofeyevich KALASHNIKOV", person.PrimaryName);
        Assert.Contains("Михаил Тимофеевич Калашников", person.Aliases);
        Assert.Contains("Mikhail KALASHNIKOFF", person.Aliases);
        Assert.Equal("Russia", person.Country);
        Assert.Contains("АО Рособоронэкспорт", list.Entries[1].Aliases);
    }

    [Fact]
    public void UkCsv_ThrowsWithLineNumber_WhenRowShort()
    {
        var text = File.ReadAllText(TestData("uk_sanctions_sample.csv")) + "01/03/2022,RUS0003,14003\n";
        var error = Assert.Throws<ListFormatException>(() => UkCsvParser.Parse(new StringReader(text)));
        Assert.Equal(7, error.Line);
    }
}
