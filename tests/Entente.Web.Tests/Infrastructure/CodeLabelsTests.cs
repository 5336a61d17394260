using Entente.Application.Identity;
using Entente.Application.Screening;
using Entente.Core.Assessment;
using Entente.Core.Organisations;
using Entente.Core.Screening;
using Entente.Core.Treaties;
using Entente.Web.Infrastructure;

namespace Entente.Web.Tests.Infrastructure;

public sealed class CodeLabelsTests
{
    /// <summary>Pages look codes up at run time, so the key scan of the pages cannot see them: this checks every label.</summary>
    [Fact]
    public void EveryCodeLabel_HasARussianTranslation()
    {
        var missing = CodeLabels.All
            .SelectMany(list => list.Value.Where(code => !Russian.Text.ContainsKey(code.Value)).Select(code => $"{list.Key}.{code.Key}: {code.Value}"))
            .ToList();
        Assert.True(missing.Count == 0, "No Russian for: " + string.Join(" | ", missing));
    }

    /// <summary>A new value of an enum the pages offer or show gets a label, or this fails.</summary>
    [Fact]
    public void EveryEnumValue_HasALabel_WhenPagesShowIt()
    {
        AssertCovers(CodeLabels.Membership, Enum.GetNames<MembershipState>());
        AssertCovers(CodeLabels.Screening, Enum.GetNames<ScreeningState>());
        AssertCovers(CodeLabels.Licence, Enum.GetNames<LicenceState>());
        AssertCovers(CodeLabels.TreatyStatus, Enum.GetNames<TreatyStatus>());
        AssertCovers(CodeLabels.Outcome, Enum.GetNames<Outcome>());
        AssertCovers(CodeLabels.HitStatus, Enum.GetNames<HitStatus>());
        AssertCovers(CodeLabels.MatchKind, Enum.GetNames<TokenMatchKind>());
        AssertCovers(CodeLabels.OrganisationStatus, Enum.GetNames<MembershipStatus>());
        AssertCovers(CodeLabels.Role, EntenteRoles.All);
    }

    [Fact]
    public void Code_ShowsTheRussianLabel_WhenTheCultureIsRu()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("ru-RU");
            var text = new UiText();
            Assert.Equal("Возможное совпадение на проверке", text.Code(CodeLabels.Screening, "OpenHit"));
            Assert.Equal("Организация зарегистрирована", text.Code(CodeLabels.LogAction, "organisation.registered"));
            Assert.Equal("no.such.action", text.Code(CodeLabels.LogAction, "no.such.action"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    private static void AssertCovers(IReadOnlyDictionary<string, string> labels, IEnumerable<string> codes)
    {
        var unlabelled = codes.Where(code => !labels.ContainsKey(code)).ToList();
        Assert.True(unlabelled.Count == 0, "No label for: " + string.Join(", ", unlabelled));
    }
}
