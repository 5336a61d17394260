using Entente.Application.Identity;
using Entente.Application.Organisations;
using Entente.Application.Persistence;
using Entente.Application.Screening;
using Entente.Application.TransparencyLog;
using Entente.Application.Trade;
using Entente.Application.Treaties;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Application;

/// <summary>Explicit registration, one method per capability, so both hosts (web and command line) wire the same use cases.</summary>
public static class ApplicationRegistration
{
    public static IServiceCollection AddEntenteApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEntentePersistence(configuration);
        services.AddEntenteIdentity();
        services.AddOrganisations();
        services.AddTreaties();
        services.AddTransparencyLog(configuration);
        services.AddScreening();
        services.AddTrade();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<Seeding.DemoCommunity>();
        return services;
    }

    /// <summary>
    /// The log: appends, reads and proofs, the platform key, the checkpoint service (run by hosts that run hosted
    /// services) and witness submissions. Options are validated at start.
    /// </summary>
    public static IServiceCollection AddTransparencyLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TransparencyLogOptions>().Bind(configuration.GetSection(TransparencyLogOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<TransparencyLogOptions>, TransparencyLogOptionsValidator>();
        services.AddScoped<LogEntryWriter>();
        services.AddScoped<LogQueries>();
        services.AddScoped<CheckpointSigner>();
        services.AddScoped<WitnessSubmissions>();
        services.AddSingleton<PlatformLogKey>();
        services.AddHostedService<CheckpointService>();
        return services;
    }

    public static IdentityBuilder AddEntenteIdentity(this IServiceCollection services)
    {
        services.AddScoped<ApiTokenService>();
        services.AddScoped<CreateUserHandler>();
        services.AddScoped<RecordSignInHandler>();
        services.AddScoped<TwoFactorSetupHandler>();
        return services.AddIdentityCore<EntenteUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<EntenteDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<EntenteClaimsPrincipalFactory>();
    }

    public static IServiceCollection AddTreaties(this IServiceCollection services)
    {
        services.AddSingleton<TreatyEngines>();
        services.AddScoped<TreatySteps>();
        services.AddScoped<GetTreatyHandler>();
        services.AddScoped<SignTreatyHandler>();
        services.AddScoped<RatifyTreatyHandler>();
        services.AddScoped<SuspendTreatyHandler>();
        services.AddScoped<ConsentToResumeHandler>();
        services.AddScoped<TerminateTreatyHandler>();
        services.AddScoped<ProposeAmendmentHandler>();
        services.AddScoped<AcceptAmendmentHandler>();
        services.AddScoped<AssessTransferHandler>();
        return services;
    }

    public static IServiceCollection AddScreening(this IServiceCollection services)
    {
        services.AddSingleton<ScreeningIndexCache>();
        services.AddScoped<Screener>();
        services.AddScoped<ImportListHandler>();
        services.AddScoped<RescreenHandler>();
        services.AddScoped<ListHitsHandler>();
        services.AddScoped<DecideHitHandler>();
        services.AddScoped<SearchNameHandler>();
        services.AddScoped<ListListsHandler>();
        return services;
    }

    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddScoped<RegisterOrganisationHandler>();
        services.AddScoped<VetOrganisationHandler>();
        services.AddScoped<GetOrganisationHandler>();
        services.AddScoped<ListOrganisationsHandler>();
        services.AddScoped<SearchDirectoryHandler>();
        services.AddScoped<ListMembersHandler>();
        services.AddScoped<AddMemberHandler>();
        services.AddScoped<ChangeMemberRoleHandler>();
        return services;
    }

    public static IServiceCollection AddTrade(this IServiceCollection services)
    {
        services.AddScoped<RegisterCounterpartyHandler>();
        services.AddScoped<ListCounterpartiesHandler>();
        services.AddScoped<GetCounterpartyHandler>();
        services.AddScoped<WithdrawCounterpartyHandler>();
        services.AddScoped<AmendCounterpartyHandler>();
        return services;
    }
}
