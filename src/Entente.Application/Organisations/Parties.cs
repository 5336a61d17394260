namespace Entente.Application.Organisations;

/// <summary>The parties whose companies may register, and how each identifies a company.</summary>
public static class Parties
{
    public const string GreatBritain = "GB";
    public const string Russia = "RU";

    public static IReadOnlyList<string> All { get; } = [GreatBritain, Russia];

    public static bool IsParty(string? code) => code is GreatBritain or Russia;
}
