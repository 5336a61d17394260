using System.Globalization;
using Entente.Web.Infrastructure;

namespace Entente.Web.Tests.Infrastructure;

public sealed class DatesTests
{
    [Theory]
    [InlineData("ru-RU")]
    [InlineData("en-US")]
    [InlineData("ar-SA")] // another calendar altogether: the ISO value is still the Gregorian day
    public void ParseInput_ReadsTheIsoDay_WhateverTheRequestsCulture(string culture)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(new DateOnly(2026, 3, 1), Dates.ParseInput("2026-03-01", out var valid));
            Assert.True(valid);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Theory]
    [InlineData("01.03.2026")]
    [InlineData("03/01/2026")]
    [InlineData("2026-02-30")]
    [InlineData("2026-3-1")]
    public void ParseInput_RefusesAnythingButAnIsoDay_WhenTheFieldHoldsText(string text)
    {
        Assert.Null(Dates.ParseInput(text, out var valid));
        Assert.False(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void ParseInput_IsNoDateButValid_WhenTheFieldIsEmpty(string? text)
    {
        Assert.Null(Dates.ParseInput(text, out var valid));
        Assert.True(valid);
    }

    [Theory]
    [InlineData("ru", "ru-RU")]
    [InlineData("en", "en-GB")]
    public void InputLanguage_NamesTheRegionWhoseDateFormatThePageUses(string culture, string expected)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal(expected, Dates.InputLanguage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
