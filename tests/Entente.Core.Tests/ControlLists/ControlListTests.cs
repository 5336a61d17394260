using System.Text.RegularExpressions;
using Entente.Application.ControlLists;
using Entente.Core.ControlLists;

namespace Entente.Core.Tests.ControlLists;

public sealed partial class ControlListTests
{
    private static ControlList Shipped => ControlListCatalogue.UkControlList2018;

    [Fact]
    public void SelfAndAncestors_WalksUpTheCode_WhenNested()
    {
        var entry = Shipped.Find("ML10c2")!;

        Assert.Equal(["ML10c2", "ML10c", "ML10"], Shipped.SelfAndAncestors(entry).Select(e => e.Code));
    }

    [Fact]
    public void Find_IgnoresCase()
    {
        Assert.Equal("ML13d1", Shipped.Find("ml13D1")!.Code);
        Assert.Null(Shipped.Find("ML99"));
    }

    [Fact]
    public void Find_FindsTrimmedRating_WhenSnapshotHadTrailingSpace()
    {
        Assert.Equal("ML13d", Shipped.Find("ML13d2")!.ParentCode);
    }

    [Theory]
    [InlineData("ML10c2", "ML10c")]
    [InlineData("ML10c", "ML10")]
    [InlineData("ML10", null)]
    [InlineData("ML9a2d", "ML9a2")]
    [InlineData("ML13d12", "ML13d")]
    [InlineData("9A101a", "9A101")]
    [InlineData("6A001a1a2a", "6A001a1a2")]
    [InlineData("9A101", null)]
    [InlineData("PL5001a", "PL5001")]
    public void ParentFromCode_DropsTheLastGroup(string code, string? parent)
    {
        Assert.Equal(parent, ControlList.ParentFromCode(code));
    }

    [Theory]
    [InlineData("7A117", "7A117")]
    [InlineData("5a002A1", "5A002a1")]
    [InlineData("9A012.b", "9A012b")]
    [InlineData(" 5A002.a.1 ", "5A002a1")]
    [InlineData("0A001", "0A001")]
    [InlineData("XX12", null)]
    [InlineData("7F117", null)]
    [InlineData("7A1170", null)]
    [InlineData("7A117ab", null)]
    [InlineData("7A117.", null)]
    [InlineData("ML1a", null)]
    public void NormaliseDualUseCode_AcceptsOnlyWellFormedCodes(string code, string? expected)
    {
        Assert.Equal(expected, ControlList.NormaliseDualUseCode(code));
    }

    [Fact]
    public void Resolve_DerivesDualUseEntry_WhenAbsentFromTheSnapshot()
    {
        Assert.Null(Shipped.Find("7A117"));

        var entry = Shipped.Resolve("7a117b2")!;

        Assert.True(entry.IsDerived);
        Assert.Equal(ControlListKind.DualUse, entry.Kind);
        Assert.Equal(["7A117b2", "7A117b", "7A117"], Shipped.SelfAndAncestors(entry).Select(e => e.Code));
        Assert.Equal("Navigation and avionics: systems, equipment and components", Shipped.Resolve("7A117")!.Title);
        Assert.Matches("[а-яА-Я]", Shipped.Resolve("7A117")!.TitleRu!);
        Assert.True(Shipped.Contains("1C111"));
    }

    [Fact]
    public void Resolve_TakesSnapshotTitle_WhenListedOrAncestorListed()
    {
        var listed = Shipped.Resolve("9a012")!;
        Assert.False(listed.IsDerived);
        Assert.Equal(Shipped.Find("9A012")!.Title, listed.Title);

        var below = Shipped.Resolve("9A012z9")!;
        Assert.True(below.IsDerived);
        Assert.Equal(Shipped.Find("9A012")!.Title, below.Title);
        Assert.Equal(["9A012z9", "9A012z", "9A012"], Shipped.SelfAndAncestors(below).Select(e => e.Code));
    }

    [Fact]
    public void Resolve_KeepsMunitionsListStrict()
    {
        Assert.Null(Shipped.Resolve("ML99"));
        Assert.Null(Shipped.Resolve("XX12"));
        Assert.False(Shipped.Contains("ML1zz"));
    }

    [Fact]
    public void Parent_IsNearestListedAncestor_WhenIntermediateMissing()
    {
        // 9E101 is not in the snapshot; 9E101a hangs at the top rather than on an absent parent.
        Assert.Null(Shipped.Find("9E101a")!.ParentCode);
    }

    [Fact]
    public void Entries_HaveRussianTitles_ForEveryMunitionsCategory()
    {
        for (var i = 1; i <= 22; i++)
        {
            var entry = Shipped.Find("ML" + i);
            Assert.NotNull(entry);
            Assert.Matches("[а-яА-Я]", entry.TitleRu!);
            Assert.False(string.IsNullOrWhiteSpace(entry.Title));
        }
    }

    [Fact]
    public void Entries_AreUnique_AndCarryLegalText()
    {
        Assert.Equal(Shipped.Entries.Count, Shipped.Entries.Select(e => e.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains("specially designed", Shipped.Find("ML10")!.LegalText, StringComparison.Ordinal);
        Assert.Equal(ControlListKind.DualUse, Shipped.Find("9A012")!.Kind);
        Assert.Equal(ControlListKind.Military, Shipped.Find("ML22a")!.Kind);
    }

    [Fact]
    public void Search_FindsByWords_TitleMatchesFirst()
    {
        var hits = Shipped.Search("unmanned aerial");

        Assert.NotEmpty(hits);
        Assert.Contains(hits, e => e.Code == "ML10c" || e.Code.StartsWith("ML10", StringComparison.Ordinal));
    }

    [Fact]
    public void Search_FindsByRussianTitle()
    {
        Assert.Equal("ML13", Shipped.Search("бронированное")[0].Code);
    }

    [Fact]
    public void Search_RanksExactRatingFirst()
    {
        Assert.Equal("9A012", Shipped.Search("9a012")[0].Code);
    }

    [Fact]
    public void ParseCsv_HandlesSnapshotQuirks()
    {
        const string csv = "code,parent,list,title,title_ru,legal_text\n"
            + "ML1,,Military,Small arms,Стрелковое,\"Text, with \"\"quotes\"\"\"\n"
            + ",,Military,Heading without rating,,\n"
            + "ML1 ,,Military,Repeated,,\n"
            + "ML1a,Weapons - including accessories,Military,Rifles,,\n"
            + "9,,DualUse,Category heading,,\n"
            + "9A101a,,DualUse,Turbojets,,\r\n";

        var list = ControlList.ParseCsv(csv);

        Assert.Equal(["ML1", "ML1a", "9A101a"], list.Entries.Select(e => e.Code));
        Assert.Equal("Small arms", list.Find("ML1")!.Title);
        Assert.Equal("Text, with \"quotes\"", list.Find("ML1")!.LegalText);
        Assert.Equal("ML1", list.Find("ML1a")!.ParentCode);
        Assert.Null(list.Find("9A101a")!.ParentCode);
    }

    [Fact]
    public void Shipped_HoldsEveryRatingOfThePublishedSnapshot()
    {
        var path = Entente.Testing.SharedData.RequireFile("control-lists/uk_control_list_entries_2018.csv");
        var source = ControlList.ParseCsv(ReshapeSource(File.ReadAllText(path)));

        var missing = source.Entries.Where(e => Shipped.Find(e.Code) is null).Select(e => e.Code).ToList();
        Assert.Empty(missing);
        Assert.True(source.Entries.Count > 1000);
        foreach (var e in source.Entries)
        {
            // The parent comes from the code (the source's parent column is a heading fragment at the top, and
            // names the repeated rating itself for sub-items), walking up to the nearest rating the snapshot has.
            var expected = ControlList.ParentFromCode(e.Code);
            while (expected is not null && source.Find(expected) is null)
            {
                expected = ControlList.ParentFromCode(expected);
            }

            Assert.Equal(expected, Shipped.Find(e.Code)!.ParentCode);
        }
    }

    // The published file has columns category, depth, rating, parent_rating, nav_text, legal_text, …; map them onto
    // the shipped layout (code, parent, list, title, title_ru, legal_text) so the same reader checks both.
    private static string ReshapeSource(string text)
    {
        var lines = new List<string> { "code,parent,list,title,title_ru,legal_text" };
        foreach (var row in ReadRows(text).Skip(1))
        {
            var list = row[0] == "UK Military List" ? "Military" : "DualUse";
            lines.Add(string.Join(',', Quote(row[2]), Quote(row[3]), list, Quote(row[4]), string.Empty, Quote(row[5])));
        }

        return string.Join('\n', lines) + "\n";
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static IEnumerable<string[]> ReadRows(string text)
    {
        // A small RFC 4180 reader for the test's own use.
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return row.ToArray();
                row.Clear();
            }
            else { field.Append(c); }
        }
    }

    [GeneratedRegex("^ML[0-9]+$")]
    private static partial Regex Category();

    [Fact]
    public void Shipped_HasEveryMunitionsCategory_IncludingSupplementedMl14()
    {
        var categories = Shipped.Entries.Select(e => e.Code).Where(c => Category().IsMatch(c)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(22, categories.Count);
        Assert.Contains("ML14", categories);
    }
}
