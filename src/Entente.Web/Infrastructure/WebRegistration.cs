using System.Globalization;
using Entente.Application;
using Entente.Application.Identity;
using Entente.Application.Persistence;
using Entente.Application.Seeding;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Entente.Web.Infrastructure;

public static class WebRegistration
{
    public const string SmartScheme = "Entente";

    /// <summary>Authentication, authorization, localisation, problem details, OpenAPI and Blazor: everything the host adds.</summary>
    public static WebApplicationBuilder AddEntenteWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // The hosting layer's request lines carry the query string, where people search and screen names; they stay
        // out of the logs whatever level the configuration sets (it is read from the working directory, so a node
        // started elsewhere runs on the defaults, Information for everything).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        services.Configure<EntenteOptions>(builder.Configuration.GetSection(EntenteOptions.Section));

        new IdentityBuilder(typeof(EntenteUser), typeof(IdentityRole<Guid>), services).AddSignInManager();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", options =>
            {
                // An API call that presents a bearer token is judged by the token alone, never by a cookie riding along.
                options.ForwardDefaultSelector = context =>
                    PresentsBearerToken(context.Request) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(options =>
            {
                options.LoginPath = "/account/sign-in";
                options.LogoutPath = "/account/sign-out";
                options.AccessDeniedPath = "/account/access-denied";
                options.Cookie.Name = "entente.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            }));
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.AuthorityOfficer, p => p.RequireRole(EntenteRoles.AuthorityOfficer))
            .AddPolicy(Policies.Authority, p => p.RequireRole(EntenteRoles.AuthorityOfficer, EntenteRoles.Auditor, EntenteRoles.Administrator))
            .AddPolicy(Policies.Assessor, p => p.RequireRole(EntenteRoles.AuthorityOfficer, EntenteRoles.Auditor))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(EntenteRoles.Administrator))
            .AddPolicy(Policies.OrganisationMember, p => p.RequireRole(EntenteRoles.Member, EntenteRoles.ComplianceOfficer))
            .AddPolicy(Policies.Counterparties, p => p.RequireRole(EntenteRoles.Member, EntenteRoles.ComplianceOfficer, EntenteRoles.AuthorityOfficer, EntenteRoles.Auditor))
            .AddPolicy(Policies.Screener, p => p.RequireRole(EntenteRoles.ComplianceOfficer, EntenteRoles.AuthorityOfficer, EntenteRoles.Auditor, EntenteRoles.Administrator))
            .AddPolicy(Policies.AnyRole, p => p.RequireRole(EntenteRoles.All));

        // Cyrillic is written as itself, not as numeric entities: pages stay readable and half the size.
        // Markup-significant characters are still encoded, so output encoding is unchanged where it matters.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.AddSingleton<UiText>();
        services.AddHostedService<Features.Screening.RescreenWorker>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = new[] { new CultureInfo("en"), new CultureInfo("ru") };
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = CultureEndpoints.CookieName }, new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        });
        // After the framework's writer, which AddProblemDetails registered first: it takes what that one declines.
        services.AddSingleton<IProblemDetailsWriter, ApiProblemDetailsWriter>();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Entente API";
            document.Info.Description = "The treaty community's API: organisations and vetting, the directory, the treaty and its lifecycle, transfer assessment, personal API tokens. Authenticate with `Authorization: Bearer <token>`.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<EntenteDbContext>("database", tags: ["ready"]);
        services.AddHttpContextAccessor();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "entente.antiforgery";
            // The framework's default sends this cookie over plain HTTP even to a site served over HTTPS.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication UseEntentePipeline(this WebApplication app)
    {
        // Behind a reverse proxy on the same host (nginx in front of several nodes), take the client's scheme and
        // address from X-Forwarded-*; only the loopback proxy is trusted, which is the framework's default.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto });
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            // Pages get the framework's page; the API always answers with problem details, even for a bare 404 or 405.
            if (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext });
            }
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.MapStaticAssets().AllowAnonymous();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TwoFactorEnforcementMiddleware>();
        app.UseMiddleware<ApiChangesNeedTokenMiddleware>();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/reference", options => options.WithTitle("Entente API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapCultureEndpoints();
        return app;
    }

    /// <summary>Whether the request is judged by a personal API token rather than by the sign-in cookie.</summary>
    public static bool PresentsBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static void MapEntenteHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    }

    /// <summary>Migrates the database; in Development seeds the demo community on first start and prints how to sign in.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        if (app.Environment.IsProduction() && !DataProtectionKeyOptions.From(app.Configuration).EncryptsKeys)
        {
            StartupWarnings.KeysStoredUnencrypted(app.Logger);
        }

        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<EntenteOptions>>().Value;
        if (app.Environment.IsDevelopment() && options.SeedDemoCommunity)
        {
            var demo = scope.ServiceProvider.GetRequiredService<DemoCommunity>();
            await demo.SeedAsync(app.Lifetime.ApplicationStopping);
            app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, DemoCommunity.Describe()));
        }
        else
        {
            app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, []));
        }
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string AuthorityOfficer = "AuthorityOfficer";
    public const string Authority = "Authority";

    /// <summary>Authority officers and auditors: who may assess a transfer against the treaty.</summary>
    public const string Assessor = "Assessor";
    public const string Administrator = "Administrator";
    public const string OrganisationMember = "OrganisationMember";

    /// <summary>Who reads consignees and end users: an organisation's people and its party's authority officers and auditors.</summary>
    public const string Counterparties = "Counterparties";

    /// <summary>Who screens a name against the sanctions lists: the roles the screening use case itself admits.</summary>
    public const string Screener = "Screener";

    /// <summary>Anyone holding one of the community's roles: who may issue and revoke their own API tokens.</summary>
    public const string AnyRole = "AnyRole";
}

public sealed class EntenteOptions
{
    public const string Section = "Entente";

    /// <summary>Seed the demo community on first start. Honoured in Development only.</summary>
    public bool SeedDemoCommunity { get; set; } = true;
}
