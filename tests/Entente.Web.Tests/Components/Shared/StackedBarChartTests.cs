using System.Globalization;
using System.Xml.Linq;
using Entente.Web.Components.Shared;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Entente.Web.Tests.Components.Shared;

/// <summary>The chart's markup as the server renders it, read back as XML: geometry, accessibility and language.</summary>
public sealed class StackedBarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly ChartSeries[] Changes = [new("Added", "ok"), new("Changed", "warn"), new("Removed", "bad")];

    private static async Task<XElement> RenderAsync(IReadOnlyList<ChartGroup> groups, string culture = "en-GB", bool horizontal = false, IReadOnlyList<ChartSeries>? series = null, bool totals = false)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await using var services = new ServiceCollection().AddLogging().AddSingleton<UiText>().BuildServiceProvider();
            await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<StackedBarChart>(ParameterView.FromDictionary(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    [nameof(StackedBarChart.Id)] = "test-chart",
                    [nameof(StackedBarChart.Title)] = "Changes per version",
                    [nameof(StackedBarChart.Description)] = "Versions of the test list.",
                    [nameof(StackedBarChart.Series)] = series ?? Changes,
                    [nameof(StackedBarChart.Groups)] = groups,
                    [nameof(StackedBarChart.Horizontal)] = horizontal,
                    [nameof(StackedBarChart.ShowTotals)] = totals,
                }));
                return output.ToHtmlString();
            });

            // The fragment is well-formed markup: parsing it proves the text in it was encoded.
            return XElement.Parse(html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal).Replace("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", StringComparison.Ordinal));
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    private static XElement Chart(XElement figure) => figure.Elements(Svg + "svg").Single();

    private static List<XElement> Segments(XElement figure) => [.. Chart(figure).Elements(Svg + "rect")];

    private static double Attr(XElement element, string name) => double.Parse((string)element.Attribute(name)!, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static XElement Segment(XElement figure, int value, int series) =>
        Segments(figure).Single(r => (string)r.Attribute("data-value")! == value.ToString(CultureInfo.InvariantCulture) && (string)r.Attribute("data-series")! == series.ToString(CultureInfo.InvariantCulture));

    [Fact]
    public async Task Columns_AreProportionalToTheCounts_WhenStacked()
    {
        var figure = await RenderAsync([new("1", [40, 10, 0]), new("2", [20, 0, 5])]);

        var added40 = Segment(figure, 40, 0);
        var added20 = Segment(figure, 20, 0);
        var changed10 = Segment(figure, 10, 1);
        var removed5 = Segment(figure, 5, 2);
        Assert.Equal(2.0, Attr(added40, "height") / Attr(added20, "height"), 2);
        Assert.Equal(4.0, Attr(added40, "height") / Attr(changed10, "height"), 2);
        Assert.Equal(4.0, Attr(added20, "height") / Attr(removed5, "height"), 2);

        // Stacked: the changed part sits on top of the added part of the same column, on a common baseline.
        Assert.Equal(Attr(added40, "y"), Attr(changed10, "y") + Attr(changed10, "height"), 2);
        Assert.Equal(Attr(added40, "y") + Attr(added40, "height"), Attr(added20, "y") + Attr(added20, "height"), 2);
        Assert.True(Attr(added40, "x") < Attr(added20, "x"), "the first group is drawn left of the second");
    }

    [Fact]
    public async Task Zeros_DrawNoRectangle_AndNoNumberIsNegativeOrNaN()
    {
        var figure = await RenderAsync([new("1", [0, 0, 0]), new("2", [3, 0, 0]), new("3", [0, 0, 0])]);

        var segment = Assert.Single(Segments(figure));
        Assert.Equal("3", (string)segment.Attribute("data-value")!);
        var numbers = Chart(figure).Descendants().SelectMany(e => e.Attributes())
            .Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "x1" or "x2" or "y1" or "y2")
            .Select(a => double.Parse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.True(double.IsFinite(n) && n >= 0, $"{n} is not a finite, non-negative coordinate"));
    }

    [Fact]
    public async Task Sliver_IsDrawnAtTheVisibleMinimum_WhenItsShareIsTooSmallToSee()
    {
        var figure = await RenderAsync([new("1", [15000, 0, 0]), new("2", [0, 1, 0])]);

        Assert.Equal(ChartLayout.MinimumVisible, Attr(Segment(figure, 1, 1), "height"));
        Assert.True(Attr(Segment(figure, 15000, 0), "height") > 100);
    }

    [Fact]
    public async Task AllZeros_DrawAnAxisButNoBar()
    {
        var figure = await RenderAsync([new("1", [0, 0, 0])]);

        Assert.Empty(Segments(figure));
        Assert.DoesNotContain("NaN", figure.ToString(), StringComparison.Ordinal);
        Assert.Contains(Chart(figure).Descendants(Svg + "line"), l => (string?)l.Attribute("class") == "chart-axis");
    }

    [Fact]
    public async Task OneGroup_DrawsOneColumnOfSensibleWidth()
    {
        var figure = await RenderAsync([new("1", [12, 0, 0])]);

        var column = Assert.Single(Segments(figure));
        var viewBox = ((string)Chart(figure).Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(Attr(column, "width"), 10, viewBox[2] / 4);
        Assert.InRange(Attr(column, "x"), viewBox[2] / 4, viewBox[2] * 3 / 4);
    }

    [Fact]
    public async Task Image_IsLabelledByItsTitle_AndDescribedByASummaryOfTheFigures()
    {
        var figure = await RenderAsync([new("1", [40, 10, 0], "version 1"), new("2", [20, 0, 5], "version 2")]);

        var svg = Chart(figure);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        var title = svg.Element(Svg + "title")!;
        var desc = svg.Element(Svg + "desc")!;
        Assert.Equal((string?)title.Attribute("id"), (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal((string?)desc.Attribute("id"), (string?)svg.Attribute("aria-describedby"));
        Assert.Equal("Changes per version", title.Value);
        Assert.Equal("Versions of the test list. In all: Added 60, Changed 10, Removed 5. Largest: version 1, 50.", desc.Value);
        Assert.Equal(["Added", "Changed", "Removed"], figure.Element("ul")!.Elements("li").Select(li => li.Element("span")!.Value));
        Assert.Equal("version 2: Removed 5", Segment(figure, 5, 2).Element(Svg + "title")!.Value);
    }

    [Fact]
    public async Task Summary_IsRussian_AndCoordinatesStayInvariant_UnderRussianCulture()
    {
        // 1 of 3 makes a fractional coordinate, which a Russian format would write with a comma.
        var figure = await RenderAsync([new("1", [1, 0, 0]), new("2", [3, 0, 0]), new("3", [1200, 0, 0])], "ru-RU", series: [new("Добавлено", "ok"), new("Изменено", "warn"), new("Удалено", "bad")]);

        var desc = Chart(figure).Element(Svg + "desc")!.Value;
        Assert.StartsWith("Versions of the test list. Всего: Добавлено 1\u00a0204, Изменено 0, Удалено 0. Больше всего: 3, 1\u00a0200.", desc.Replace('\u202f', '\u00a0'), StringComparison.Ordinal);
        Assert.All(Chart(figure).Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "x" or "y" or "width" or "height" or "viewBox"),
            a => Assert.DoesNotContain(",", a.Value, StringComparison.Ordinal));
        Assert.Contains(Segments(figure), r => ((string)r.Attribute("height")!).Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rows_SplitOneBarByShare_AndTheLegendGivesTheTotals()
    {
        var figure = await RenderAsync([new("", [3, 1, 0], "Hits")], horizontal: true, series: [new("Open", "warn"), new("Cleared", "ok"), new("Confirmed", "bad")], totals: true);

        var open = Segment(figure, 3, 0);
        var cleared = Segment(figure, 1, 1);
        Assert.Equal(2, Segments(figure).Count);
        Assert.Equal(3.0, Attr(open, "width") / Attr(cleared, "width"), 2);
        Assert.Equal(Attr(open, "x") + Attr(open, "width"), Attr(cleared, "x"), 2);
        Assert.Equal(["Open 3", "Cleared 1", "Confirmed 0"], figure.Element("ul")!.Elements("li").Select(li => string.Join(' ', li.Elements("span").Select(s => s.Value))));
        Assert.Equal("url(#test-chart-pattern-1)", (string?)cleared.Attribute("fill"));
        Assert.Single(Chart(figure).Descendants(Svg + "pattern"), p => (string?)p.Attribute("id") == "test-chart-pattern-1");
    }

    [Fact]
    public async Task AxisLabels_AreThinnedFromTheNewest_WhenTheyWouldOverlap()
    {
        var figure = await RenderAsync([.. Enumerable.Range(10000, 20).Select(n => new ChartGroup(n.ToString(CultureInfo.InvariantCulture), [1, 0, 0]))]);

        var labels = Chart(figure).Elements(Svg + "g").Where(g => (string?)g.Attribute("class") == "label").Select(g => g.Value).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (10001 + (2 * i)).ToString(CultureInfo.InvariantCulture)), labels);
        Assert.Equal(20, Segments(figure).Count);
    }

    [Fact]
    public async Task Labels_AreEncoded_NotMarkup()
    {
        var figure = await RenderAsync([new("<b>1</b>", [1, 0, 0], "<script>x</script>")], series: [new("A & <B>", "ok"), new("C", "warn"), new("D", "bad")]);

        Assert.DoesNotContain(figure.Descendants(), e => e.Name.LocalName is "b" or "script");
        Assert.Contains("<script>x</script>", Chart(figure).Element(Svg + "desc")!.Value + Segments(figure)[0].Value, StringComparison.Ordinal);
        Assert.Equal("A & <B>", figure.Element("ul")!.Elements("li").First().Element("span")!.Value);
    }
}
