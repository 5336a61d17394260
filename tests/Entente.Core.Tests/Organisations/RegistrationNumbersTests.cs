using Entente.Core.Organisations;

namespace Entente.Core.Tests.Organisations;

public sealed class RegistrationNumbersTests
{
    [Theory]
    [InlineData("1117746260477")] // АО «Рособоронэкспорт»
    [InlineData("1111832003018")] // АО «Концерн «Калашников»
    [InlineData("1027700132195")] // ПАО Сбербанк
    [InlineData("1037739010891")]
    public void IsOgrn_AcceptsRealNumbers(string ogrn) => Assert.True(RegistrationNumbers.IsOgrn(ogrn));

    [Theory]
    [InlineData("1117746260478")] // check digit changed
    [InlineData("1027739009130")] // one digit changed: check digit no longer matches
    [InlineData("111774626047")] // 12 digits
    [InlineData("11177462604770")] // 14 digits
    [InlineData("111774626047A")]
    [InlineData("")]
    public void IsOgrn_RejectsWrongNumbers(string ogrn) => Assert.False(RegistrationNumbers.IsOgrn(ogrn));

    [Theory]
    [InlineData("7718852163")] // Rosoboronexport
    [InlineData("1832090230")] // Kalashnikov Concern
    [InlineData("7707083893")] // Sberbank
    [InlineData("7704252261")]
    public void IsInn_AcceptsRealNumbers(string inn) => Assert.True(RegistrationNumbers.IsInn(inn));

    [Theory]
    [InlineData("7718852164")]
    [InlineData("7710040001")]
    [InlineData("771885216")]
    [InlineData("771885216X")]
    [InlineData("771885216312")] // a 12-digit personal INN is not a company's
    public void IsInn_RejectsWrongNumbers(string inn) => Assert.False(RegistrationNumbers.IsInn(inn));

    [Theory]
    [InlineData("01470151")] // BAE Systems plc (England and Wales)
    [InlineData("SC512377")] // Scotland
    [InlineData("NI012345")] // Northern Ireland
    [InlineData("OC300001")] // LLP
    public void IsCompaniesHouseNumber_AcceptsEveryRegistryForm(string number) => Assert.True(RegistrationNumbers.IsCompaniesHouseNumber(number));

    [Theory]
    [InlineData("1470151")] // seven digits
    [InlineData("XX123456")] // unknown prefix
    [InlineData("SC12345")]
    [InlineData("SC1234567")]
    [InlineData("0147015A")]
    public void IsCompaniesHouseNumber_RejectsOtherShapes(string number) => Assert.False(RegistrationNumbers.IsCompaniesHouseNumber(number));

    [Fact]
    public void Normalise_RemovesSpacesAndUpperCases() => Assert.Equal("SC512377", RegistrationNumbers.Normalise(" sc 512 377 "));

    [Theory]
    [InlineData(MembershipStatus.Pending, VettingDecision.Approve, MembershipStatus.Approved)]
    [InlineData(MembershipStatus.Pending, VettingDecision.Reject, MembershipStatus.Rejected)]
    [InlineData(MembershipStatus.Approved, VettingDecision.Suspend, MembershipStatus.Suspended)]
    [InlineData(MembershipStatus.Suspended, VettingDecision.Reinstate, MembershipStatus.Approved)]
    public void Vetting_LeadsToTheNextStatus(MembershipStatus from, VettingDecision decision, MembershipStatus to) =>
        Assert.Equal(to, Vetting.Apply(from, decision));

    [Theory]
    [InlineData(MembershipStatus.Approved, VettingDecision.Approve)]
    [InlineData(MembershipStatus.Rejected, VettingDecision.Reinstate)]
    [InlineData(MembershipStatus.Pending, VettingDecision.Suspend)]
    [InlineData(MembershipStatus.Suspended, VettingDecision.Reject)]
    public void Vetting_RefusesDecisionsNotOpenFromTheStatus(MembershipStatus from, VettingDecision decision) =>
        Assert.Null(Vetting.Apply(from, decision));
}
