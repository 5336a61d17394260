using Entente.Core.Treaties;

namespace Entente.Core.Tests.Treaties;

public sealed class TreatyLifecycleTests
{
    private static TreatyLifecycle Draft() => TreatyLifecycle.Draft(["GB-MOD", "RU-FSVTS"]);

    private static TreatyLifecycle Ok(LifecycleResult result)
    {
        Assert.Null(result.Error);
        return result.Lifecycle!;
    }

    private static TreatyLifecycle InForce() =>
        Ok(Ok(Ok(Ok(Draft().Sign("GB-MOD")).Sign("RU-FSVTS")).Ratify("RU-FSVTS")).Ratify("GB-MOD"));

    [Fact]
    public void Sign_StaysDraft_WhenOnlyOneAuthoritySigned()
    {
        var once = Ok(Draft().Sign("GB-MOD"));

        Assert.Equal(TreatyStatus.Draft, once.Status);
        Assert.Equal(TreatyStatus.Signed, Ok(once.Sign("RU-FSVTS")).Status);
    }

    [Fact]
    public void Ratify_EntersIntoForce_WhenBothRatified()
    {
        Assert.Equal(TreatyStatus.InForce, InForce().Status);
    }

    [Fact]
    public void Ratify_IsRefused_WhileDraft()
    {
        Assert.IsType<LifecycleError.IllegalTransition>(Draft().Ratify("GB-MOD").Error);
    }

    [Fact]
    public void Sign_IsRefused_WhenSameAuthoritySignsTwice()
    {
        Assert.IsType<LifecycleError.AlreadyDone>(Ok(Draft().Sign("GB-MOD")).Sign("GB-MOD").Error);
    }

    [Fact]
    public void Sign_IsRefused_WhenNotAnAuthority()
    {
        Assert.IsType<LifecycleError.NotAnAuthority>(Draft().Sign("FR-DGA").Error);
    }

    [Theory]
    [InlineData("GB-MOD")]
    [InlineData("RU-FSVTS")]
    public void Suspend_TakesEffectAtOnce_WhenEitherAuthoritySuspends(string authority)
    {
        var suspended = Ok(InForce().Suspend(authority, "March 2014: military cooperation suspended"));

        Assert.Equal(TreatyStatus.Suspended, suspended.Status);
        Assert.Equal(authority, suspended.SuspendedBy);
        Assert.Equal("March 2014: military cooperation suspended", suspended.SuspensionReason);
    }

    [Fact]
    public void Suspend_IsRefused_WithoutReason()
    {
        Assert.IsType<LifecycleError.ReasonRequired>(InForce().Suspend("GB-MOD", "  ").Error);
    }

    [Fact]
    public void Suspend_IsRefused_WhenNotInForce()
    {
        Assert.IsType<LifecycleError.IllegalTransition>(Draft().Suspend("GB-MOD", "why").Error);
    }

    [Fact]
    public void AgreeToResume_NeedsBothAuthorities()
    {
        var suspended = Ok(InForce().Suspend("GB-MOD", "sanctions"));
        var one = Ok(suspended.AgreeToResume("GB-MOD"));

        Assert.Equal(TreatyStatus.Suspended, one.Status);
        var both = Ok(one.AgreeToResume("RU-FSVTS"));
        Assert.Equal(TreatyStatus.InForce, both.Status);
        Assert.Null(both.SuspensionReason);
    }

    [Fact]
    public void AgreeToResume_IsRefused_WhenInForce()
    {
        Assert.IsType<LifecycleError.IllegalTransition>(InForce().AgreeToResume("GB-MOD").Error);
    }

    [Fact]
    public void Terminate_IsFinal()
    {
        var terminated = Ok(Ok(InForce().Suspend("GB-MOD", "sanctions")).Terminate("RU-FSVTS"));

        Assert.Equal(TreatyStatus.Terminated, terminated.Status);
        Assert.Equal("RU-FSVTS", terminated.TerminatedBy);
        Assert.IsType<LifecycleError.IllegalTransition>(terminated.AgreeToResume("GB-MOD").Error);
        Assert.IsType<LifecycleError.IllegalTransition>(terminated.Terminate("GB-MOD").Error);
        Assert.IsType<LifecycleError.IllegalTransition>(terminated.Suspend("GB-MOD", "x").Error);
    }

    [Fact]
    public void Terminate_IsRefused_WhileDraft()
    {
        Assert.IsType<LifecycleError.IllegalTransition>(Draft().Terminate("GB-MOD").Error);
    }

    [Fact]
    public void Draft_TakesAuthoritiesFromTreaty()
    {
        var treaty = TreatyLoader.Load(TreatyFiles.Shipped()).Treaty!;

        Assert.Equal(["GB-MOD", "RU-FSVTS"], TreatyLifecycle.Draft(treaty).Authorities);
    }
}
