using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;
using Entente.Application.TransparencyLog;
using Entente.Core.TransparencyLog;

namespace Entente.Cli.Commands;

/// <summary>
/// <c>entente witness run</c>: one round of an authority's own witness against the platform's log (see
/// <see cref="WitnessRound"/>). Exit 0: cosigned; 1: refused (the evidence is printed) or rejected by the log;
/// 2: bad input.
/// </summary>
internal static class WitnessCommands
{
    public static Command Create() => Create(() => new HttpClient());

    public static Command Create(Func<HttpClient> httpClientFactory)
    {
        var key = new Option<string>("--key") { Description = "The witness's signing key file (skey from 'entente keys generate --cosigner').", Required = true };
        var log = new Option<string>("--log") { Description = "The platform's base URL.", Required = true };
        var logKey = new Option<string>("--log-key") { Description = "The platform's vkey: checkpoints must be signed by it.", Required = true };
        var authority = new Option<string>("--authority") { Description = "The authority this witness answers for: GB or RU.", Required = true };
        var state = new Option<string>("--state") { Description = "The state file: the size and root last cosigned (default witness-state.json).", DefaultValueFactory = _ => "witness-state.json" };
        var token = new Option<string?>("--token") { Description = "An API token of one of the authority's officers (default: the ENTENTE_TOKEN environment variable)." };
        var run = new Command("run", "Verify the log's newest checkpoint and its consistency with the last one cosigned, cosign it, and post it back.");
        foreach (var option in new Option[] { key, log, logKey, authority, state, token })
        {
            run.Options.Add(option);
        }

        run.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                if (!Uri.TryCreate(parse.GetValue(log), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                {
                    error.WriteLine("entente: --log must be an http(s) URL");
                    return 2;
                }

                var who = parse.GetValue(authority)!;
                if (who is not ("GB" or "RU"))
                {
                    error.WriteLine("entente: --authority must be GB or RU");
                    return 2;
                }

                var signingKey = Ed25519Keys.ParseSigningKey(await File.ReadAllTextAsync(parse.GetValue(key)!, cancellationToken).ConfigureAwait(false));
                var cosigner = new Ed25519CosignatureSigner(signingKey.Name, signingKey.Seed, TimeProvider.System);
                var platform = Ed25519Keys.ParseVerifierKey(parse.GetValue(logKey)!);
                using var http = httpClientFactory();
                var bearer = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("ENTENTE_TOKEN");
                if (!string.IsNullOrEmpty(bearer))
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                }

                var result = await new WitnessRound(http, url, who, platform, cosigner, parse.GetValue(state)!, TimeProvider.System).RunAsync(cancellationToken).ConfigureAwait(false);
                (result.ExitCode == 0 ? parse.InvocationConfiguration.Output : error).WriteLine(result.Message);
                return result.ExitCode;
            }
            catch (Exception e) when (e is NoteFormatException or IOException or UnauthorizedAccessException or HttpRequestException or JsonException or FormatException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
            {
                error.WriteLine("entente: " + e.Message);
                return 2;
            }
        });

        var witness = new Command("witness", "An authority's witness of the transparency log.");
        witness.Subcommands.Add(run);
        return witness;
    }
}
