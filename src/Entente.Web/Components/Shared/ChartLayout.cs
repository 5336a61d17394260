using System.Globalization;

namespace Entente.Web.Components.Shared;

/// <summary>One series of a <see cref="StackedBarChart"/>: its legend label and the stylesheet tone that colours it.</summary>
/// <param name="Label">The series' name in the reader's language, as the legend and the summary say it.</param>
/// <param name="Tone">ok, warn, bad or accent: the site's colours for good, attention, bad and neutral.</param>
public sealed record ChartSeries(string Label, string Tone);

/// <summary>One bar of a <see cref="StackedBarChart"/>: a value per series, stacked in the order of the series.</summary>
/// <param name="Label">The short label on the axis (a version number).</param>
/// <param name="Values">One count per series; a zero or negative count draws nothing.</param>
/// <param name="Name">The bar as a sentence names it ("version 3"); the label when not given.</param>
public sealed record ChartGroup(string Label, IReadOnlyList<int> Values, string? Name = null)
{
    public string Spoken => Name ?? Label;
}

/// <summary>A rectangle of one series in one bar, in the SVG's own units.</summary>
internal sealed record ChartSegment(int Series, int Group, int Value, double X, double Y, double Width, double Height);

/// <summary>A value on the axis with its gridline's position.</summary>
internal sealed record ChartTick(int Value, double Position);

/// <summary>A bar's label and where it is written.</summary>
internal sealed record ChartLabel(string Text, double X, double Y);

/// <summary>Everything the chart draws, in the SVG's user units.</summary>
internal sealed record ChartDrawing(double Width, double Height, double PlotLeft, double PlotTop, double PlotWidth, double PlotHeight,
    IReadOnlyList<ChartSegment> Segments, IReadOnlyList<ChartTick> Ticks, IReadOnlyList<ChartLabel> Labels);

/// <summary>
/// The geometry of a stacked bar chart, apart from its markup so the arithmetic is tested on its own: heights are
/// proportional to the counts (a sliver is widened to <see cref="MinimumVisible"/>), a zero draws no rectangle, and
/// every number is finite and never negative.
/// </summary>
internal static class ChartLayout
{
    public const double Width = 640;
    private const double ColumnsHeight = 200;
    private const double AxisWidth = 48;
    private const double LabelRow = 22;
    private const double Top = 10;
    private const double Right = 8;
    private const double MaxColumn = 48;
    private const double RowHeight = 22;
    private const double RowGap = 8;
    private const double RowLabelWidth = 150;

    /// <summary>
    /// The least a non-zero count draws: a list's first import adds thousands, its updates a handful, and a handful
    /// must still show. Counts this small are the only ones drawn larger than their share.
    /// </summary>
    public const double MinimumVisible = 3;

    /// <summary>A number for an SVG attribute: invariant, at most two decimals, never "NaN" or a comma.</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture) : "0";

    /// <summary>Vertical columns, one per group left to right, with a value axis of round steps.</summary>
    public static ChartDrawing Columns(IReadOnlyList<ChartGroup> groups, int seriesCount)
    {
        var plotWidth = Width - AxisWidth - Right;
        var plotHeight = ColumnsHeight - Top - LabelRow;
        var (step, scale) = Scale(groups.Count == 0 ? 0 : groups.Max(g => Total(g, seriesCount)));
        var ticks = new List<ChartTick>();
        for (var value = 0; value <= scale; value += step)
        {
            ticks.Add(new ChartTick(value, Top + plotHeight - (plotHeight * value / scale)));
        }

        var segments = new List<ChartSegment>();
        var labels = new List<ChartLabel>();
        var slot = groups.Count == 0 ? plotWidth : plotWidth / groups.Count;
        var column = Math.Min(slot * 0.7, MaxColumn);

        // Labels on crowded axes are thinned so they never overlap: every second, third… label, always the last.
        var every = Math.Max(1, (int)Math.Ceiling(groups.Count == 0 ? 1 : groups.Max(g => g.Label.Length) * 7.0 / slot));
        for (var g = 0; g < groups.Count; g++)
        {
            var x = AxisWidth + (slot * g) + ((slot - column) / 2);
            var bottom = Top + plotHeight;
            for (var s = 0; s < seriesCount; s++)
            {
                var value = Value(groups[g], s);
                if (value == 0)
                {
                    continue;
                }

                var height = Math.Max(MinimumVisible, plotHeight * value / scale);
                bottom -= height;
                segments.Add(new ChartSegment(s, g, value, x, bottom, column, height));
            }

            if ((groups.Count - 1 - g) % every == 0)
            {
                labels.Add(new ChartLabel(groups[g].Label, x + (column / 2), Top + plotHeight + 15));
            }
        }

        return new ChartDrawing(Width, ColumnsHeight, AxisWidth, Top, plotWidth, plotHeight, segments, ticks, labels);
    }

    /// <summary>
    /// Horizontal bars, one row per group, the longest as wide as the chart: a compact picture of shares. Rows are
    /// labelled on the left only when some group has a label.
    /// </summary>
    public static ChartDrawing Rows(IReadOnlyList<ChartGroup> groups, int seriesCount)
    {
        var left = groups.Any(g => g.Label.Length > 0) ? RowLabelWidth : 0;
        var plotWidth = Width - left - Right;
        var plotHeight = Math.Max(1, groups.Count) * (RowHeight + RowGap) - RowGap;
        var max = groups.Count == 0 ? 0 : groups.Max(g => Total(g, seriesCount));
        var segments = new List<ChartSegment>();
        var labels = new List<ChartLabel>();
        for (var g = 0; g < groups.Count; g++)
        {
            var y = Top + (g * (RowHeight + RowGap));
            var x = left;
            for (var s = 0; s < seriesCount && max > 0; s++)
            {
                var value = Value(groups[g], s);
                if (value == 0)
                {
                    continue;
                }

                var width = Math.Max(MinimumVisible, plotWidth * value / max);
                segments.Add(new ChartSegment(s, g, value, x, y, width, RowHeight));
                x += width;
            }

            if (left > 0)
            {
                labels.Add(new ChartLabel(groups[g].Label, left - 8, y + (RowHeight / 2) + 4));
            }
        }

        return new ChartDrawing(Width, Top + plotHeight + Top, left, Top, plotWidth, plotHeight, segments, [], labels);
    }

    /// <summary>The sum of a group's counts that are drawn (the positive ones).</summary>
    public static int Total(ChartGroup group, int seriesCount) => Enumerable.Range(0, seriesCount).Sum(s => Value(group, s));

    /// <summary>A group's count of one series; missing and negative counts are nothing to draw.</summary>
    public static int Value(ChartGroup group, int series) => series < group.Values.Count ? Math.Max(0, group.Values[series]) : 0;

    // A step of 1, 2 or 5 times a power of ten giving at most about four gridlines, and the axis's top: the first step at
    // or above the largest bar. Counts are whole, so the step is never below one; an empty chart still has an axis of 0–1.
    private static (int Step, int Scale) Scale(int max)
    {
        if (max <= 0)
        {
            return (1, 1);
        }

        var raw = max / 4.0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var residual = raw / magnitude;
        var nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        var step = Math.Max(1, (int)Math.Round(nice * magnitude));
        return (step, (int)Math.Ceiling(max / (double)step) * step);
    }
}
