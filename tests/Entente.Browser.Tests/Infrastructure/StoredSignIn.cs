using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Entente.Browser.Tests.Infrastructure;

/// <summary>
/// One stored sign-in per role: the first test that needs a role signs in through the real pages once, the
/// context's cookies and local storage are saved to a storage-state file, and every later context for that
/// role starts from the file instead of signing in again.
/// </summary>
/// <remarks>
/// The sign-in routine comes from the page objects (e.g. a SignInPage that fills the form and waits for the
/// home page), so this class knows nothing about how sign-in looks. A routine that fails fails every test of
/// that role with the same error, which is what one wants when sign-in is broken.
/// </remarks>
public sealed class StoredSignIn(BrowserHarness harness, string directory)
{
    private readonly ConcurrentDictionary<Role, Lazy<Task<string>>> _states = new();

    /// <summary>The storage-state file for <paramref name="role"/>, signing in with <paramref name="signIn"/> the first time.</summary>
    public Task<string> StorageStateForAsync(Role role, Func<IPage, Task> signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        return _states.GetOrAdd(role, r => new Lazy<Task<string>>(() => SignInAndStoreAsync(r, signIn))).Value;
    }

    /// <summary>A fresh context already signed in as <paramref name="role"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Role role, Func<IPage, Task> signIn)
    {
        var path = await StorageStateForAsync(role, signIn);
        return await harness.NewContextAsync(path);
    }

    private async Task<string> SignInAndStoreAsync(Role role, Func<IPage, Task> signIn)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, role + ".json");
        await using var context = await harness.NewContextAsync();
        var page = await context.NewPageAsync();
        await signIn(page);
        await context.StorageStateAsync(new BrowserContextStorageStateOptions { Path = path });
        return path;
    }
}
