using Entente.Web.Infrastructure;

namespace Entente.Web.Tests.Infrastructure;

public sealed class ListPagesTests
{
    [Fact]
    public void Of_ReturnsTheRequestedPage_WithTheTotal()
    {
        var page = ListPages.Of(Enumerable.Range(1, 60), 2, 25);

        Assert.Equal(Enumerable.Range(26, 25), page.Items);
        Assert.Equal(2, page.PageNumber);
        Assert.Equal(3, page.PageCount);
        Assert.Equal(60, page.Total);
    }

    [Fact]
    public void Of_ShowsTheLastPage_WhenThePageIsPastTheEnd()
    {
        var page = ListPages.Of(Enumerable.Range(1, 30), 9, 25);

        Assert.Equal(2, page.PageNumber);
        Assert.Equal(Enumerable.Range(26, 5), page.Items);
    }

    [Fact]
    public void Of_ShowsTheFirstPage_WhenThePageIsBelowOne()
    {
        Assert.Equal(1, ListPages.Of(Enumerable.Range(1, 30), -3, 25).PageNumber);
    }

    [Fact]
    public void Order_SortsNamesIgnoringCase_AndReversesWhenDescending()
    {
        string[] names = ["beta", "Alpha", "Гамма", "alpha2"];

        Assert.Equal(["Alpha", "alpha2", "beta", "Гамма"], ListPages.Order(names, n => n, false, ListPages.Names));
        Assert.Equal(["Гамма", "beta", "alpha2", "Alpha"], ListPages.Order(names, n => n, true, ListPages.Names));
    }

    [Fact]
    public void Clause_CitesInRussian_WhenTheCultureIsRu()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            var text = new UiText();
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-GB");
            Assert.Equal("Art. 7", text.Clause("Art. 7"));
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("ru-RU");
            Assert.Equal("Ст. 7", text.Clause("Art. 7"));
            Assert.Equal("Приложение A", text.Clause("Annex A"));
            Assert.Equal("Preamble", text.Clause("Preamble"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }
}
