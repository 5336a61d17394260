using Entente.Application.Seeding;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Entente.Web.Infrastructure;

internal static class StartupBanner
{
    /// <summary>Prints where the platform listens and, in Development, the demo sign-ins. Never used in Production.</summary>
    public static void Print(WebApplication app, IReadOnlyList<DemoSignIn> signIns)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("Entente is running at " + string.Join(", ", addresses) + "  (API reference: /api/reference)");
        if (signIns.Count == 0)
        {
            return;
        }

        output.WriteLine("Demo community (Development only). Every password: " + DemoCommunity.Password);
        output.WriteLine("Officers and the administrator use two-factor sign-in: add the key shown to any TOTP app (or: oathtool --totp -b KEY).");
        foreach (var signIn in signIns)
        {
            output.WriteLine(signIn.Line);
        }

        output.WriteLine(DemoCommunity.ScreeningNote);
        output.WriteLine();
    }
}
