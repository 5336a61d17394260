using System.Text;
using Entente.Core.Treaties;

namespace Entente.Core.Assessment;

/// <summary>Builds reasons from the treaty file's templates, filling {placeholders} in each language. Used at load only.</summary>
internal sealed class ReasonFactory(Treaty treaty)
{
    public string ClauseOf(string key) => treaty.Reasons[key].Clause;

    /// <summary>The term's wording in both languages from the file's "terms", or the raw value in both.</summary>
    public (string En, string Ru) Term(string value) =>
        treaty.Terms.TryGetValue(value, out var t) ? (t.En, t.Ru) : (value, value);

    public Reason Build(string requirement, string key, Outcome outcome, params (string Name, string En, string Ru)[] values)
    {
        var template = treaty.Reasons[key];
        return new Reason(requirement, template.Clause, outcome, Fill(template.Text.En, values, ru: false), Fill(template.Text.Ru, values, ru: true));
    }

    public Reason BuildTerm(string requirement, string key, Outcome outcome, string name, string value)
    {
        var (en, ru) = Term(value);
        return Build(requirement, key, outcome, (name, en, ru));
    }

    private static string Fill(string template, (string Name, string En, string Ru)[] values, bool ru)
    {
        var sb = new StringBuilder(template);
        foreach (var (name, en, r) in values)
        {
            sb.Replace("{" + name + "}", ru ? r : en);
        }

        return sb.ToString();
    }
}
