using System.CommandLine;
using Entente.Application.Persistence;
using Entente.Application.Seeding;
using Entente.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Cli.Commands;

/// <summary><c>entente db migrate</c> and <c>entente seed demo</c>.</summary>
internal static class DatabaseCommands
{
    public static Command CreateDb()
    {
        var migrate = new Command("migrate", "Create the database if needed and apply every pending migration.");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse);
            await using var scope = services.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        });

        var db = new Command("db", "Manage the database schema.");
        db.Subcommands.Add(migrate);
        return db;
    }

    public static Command CreateSeed()
    {
        var demo = new Command("demo", "Seed the demo treaty community into an empty database (for evaluation only: the passwords are public).");
        demo.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoCommunity>().SeedAsync(cancellationToken);
            if (!seeded)
            {
                parse.InvocationConfiguration.Error.WriteLine("entente: the database already has users; the demo community is seeded only into an empty database.");
                return 1;
            }

            var output = parse.InvocationConfiguration.Output;
            output.WriteLine("Seeded the demo community. Every password: " + DemoCommunity.Password);
            foreach (var signIn in DemoCommunity.Describe())
            {
                output.WriteLine(signIn.Line);
            }

            output.WriteLine(DemoCommunity.ScreeningNote);
            return 0;
        });

        var seed = new Command("seed", "Seed data.");
        seed.Subcommands.Add(demo);
        return seed;
    }
}
