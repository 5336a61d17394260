using Microsoft.Playwright;

namespace Entente.Browser.Tests.Pages;

/// <summary>The liveness probe, <c>/health/live</c>: what load balancers and the test harness poll.</summary>
public sealed class LivenessPage(IPage page) : PageObject(page)
{
    public override string Path => "/health/live";
}
