using Entente.Application;
using Entente.Web.Components;
using Entente.Web.Features.Identity;
using Entente.Web.Features.Organisations;
using Entente.Web.Features.TransparencyLog;
using Entente.Web.Features.Screening;
using Entente.Web.Features.Trade;
using Entente.Web.Features.Treaties;
using Entente.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddEntenteApplication(builder.Configuration);
builder.AddEntenteWeb();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseEntentePipeline();
app.MapEntenteHealth();
app.MapIdentityEndpoints();
app.MapAccountEndpoints();
app.MapOrganisationEndpoints();
app.MapOrganisationFormEndpoints();
app.MapTreatyEndpoints();
app.MapTransparencyLogEndpoints();
app.MapScreeningEndpoints();
app.MapScreeningFormEndpoints();
app.MapTradeEndpoints();
app.MapRazorComponents<App>();

app.Run();

/// <summary>The web host; public so integration tests can start it with WebApplicationFactory.</summary>
public partial class Program;
