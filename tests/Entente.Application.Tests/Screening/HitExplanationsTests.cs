using Entente.Application.Screening;
using Entente.Core.Screening;

namespace Entente.Application.Tests.Screening;

public sealed class HitExplanationsTests
{
    private static readonly ScreeningIndex Index = ScreeningIndex.Build(
        [new SanctionsList("ofac", [new ListEntry("18782", EntityType.Organisation, "ROSOBORONEKSPORT OAO", ["JSC NIIP"], "Russia")])]);

    [Fact]
    public void Store_KeepsTheWholeReading_ForPagesInEitherLanguage()
    {
        var explanation = Index.Search("Рособоронэкспорт АО", new ScreeningOptions(1, 0)).Single().Explanation;

        var read = HitExplanations.Read(HitExplanations.Store(explanation));

        Assert.NotNull(read);
        var pair = Assert.Single(read.Pairs);
        Assert.Equal(("Рособоронэкспорт", "ROSOBORONEKSPORT", TokenMatchKind.Transliteration), (pair.QueryToken, pair.NameToken, pair.Kind));
        Assert.Equal(explanation.DroppedLegalForms, read.DroppedLegalForms);
        Assert.Equal(explanation.ToString(), HitExplanations.Text(HitExplanations.Store(explanation)));
    }

    [Theory]
    [InlineData("Рособоронэкспорт→ROSOBORONEKSPORT (transliteration); legal form dropped OAO")]
    [InlineData("{not json")]
    public void Read_LeavesOlderTextAsText(string stored)
    {
        Assert.Null(HitExplanations.Read(stored));
        Assert.Equal(stored, HitExplanations.Text(stored));
    }
}
