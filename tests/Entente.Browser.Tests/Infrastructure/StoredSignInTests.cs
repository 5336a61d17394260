using Microsoft.Playwright;

namespace Entente.Browser.Tests.Infrastructure;

public sealed class StoredSignInTests(BrowserHarness harness) : BrowserTest(harness)
{
    private int _signIns;

    // Stands in for a sign-in form until the sign-in pages exist: whatever cookie the app sets must survive
    // into the later contexts of the same role.
    private async Task SignInAsAuditorAsync(IPage page)
    {
        Interlocked.Increment(ref _signIns);
        await page.GotoAsync("/health/live");
        await page.Context.AddCookiesAsync([new Cookie { Name = "entente-probe", Value = "auditor", Url = Harness.BaseAddress.ToString() }]);
    }

    [Fact]
    public async Task SignInAsAsync_ReusesTheStoredState_WhenTheRoleSignsInAgain()
    {
        // Administrator: a role no other test signs in as, so this test's routine is the one that runs.
        await SignInAsAsync(Role.Administrator, SignInAsAuditorAsync);
        var first = await Context.CookiesAsync();
        await SignInAsAsync(Role.Administrator, SignInAsAuditorAsync);
        var second = await Context.CookiesAsync();

        Assert.Equal(1, _signIns);
        Assert.Contains(first, c => c.Name == "entente-probe" && c.Value == "auditor");
        Assert.Contains(second, c => c.Name == "entente-probe" && c.Value == "auditor");
    }

    [Fact]
    public async Task NewContextAsync_StartsSignedOut_AfterARoleSignedIn()
    {
        await using var signedIn = await Harness.SignIns.NewContextAsync(Role.Auditor, SignInAsAuditorAsync);
        await using var fresh = await Harness.NewContextAsync();

        Assert.Contains(await signedIn.CookiesAsync(), c => c.Name == "entente-probe");
        Assert.DoesNotContain(await fresh.CookiesAsync(), c => c.Name == "entente-probe");
    }
}
