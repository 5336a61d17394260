namespace Entente.Core.Screening;

internal static partial class NameVocabulary
{
    /// <summary>
    /// Kinds of Russian scientific, industrial and state bodies, abbreviated and written out, in transliteration,
    /// Cyrillic and the English of sanctions lists: NPO, NAUCHNO-PROIZVODSTVENNOE OBEDINENIE and SCIENTIFIC PRODUCTION
    /// ASSOCIATION are one kind of body, as OOO and LIMITED LIABILITY COMPANY are one legal form. They say what a body
    /// is, not which, and the lists write them in any of their forms (JSC NPO BAZALT / SCIENTIFIC PRODUCTION ASSOCIATION
    /// BAZALT), so they are set aside like legal forms. Written for this project in the manner of the org-type entries
    /// opensanctions/rigour carries for a few of them (GNPP, scientific and production enterprise). One row per kind:
    /// its generic kind where rigour has one for it (a state enterprise is an SOE, an autonomous non-profit an NGO),
    /// else null and the row is a kind of its own.
    /// </summary>
    internal static readonly (string? Generic, string[] Phrases)[] RussianOrganisationTypes =
    [
        (null, ["NPO", "НПО", "nauchno proizvodstvennoe obedinenie", "научно-производственное объединение",
            "scientific production association", "scientific and production association",
            "research and production association", "science and production association", "SPA", "RPA"]),
        (null, ["NPP", "НПП", "nauchno proizvodstvennoe predpriyatie", "научно-производственное предприятие",
            "scientific production enterprise", "research and production enterprise", "SPE", "RPE"]),
        (null, ["NPK", "НПК", "nauchno proizvodstvennaya korporatsiya", "научно-производственная корпорация",
            "nauchno proizvodstvennaya kompaniya", "научно-производственная компания",
            "nauchno proizvodstvennyi kompleks", "scientific production corporation",
            "research and production corporation", "scientific and production corporation",
            "scientific production company", "research and production company"]),
        (null, ["NPTS", "НПЦ", "nauchno proizvodstvennyi tsentr", "научно-производственный центр",
            "scientific production center", "scientific and production center", "research and production center"]),
        (null, ["NTTS", "НТЦ", "nauchno tekhnicheskii tsentr", "научно-технический центр",
            "scientific and technical center", "scientific technical center", "science and technology center", "STC"]),
        (null, ["FITS", "ФИЦ", "federalnyi issledovatelskii tsentr", "федеральный исследовательский центр",
            "federal research center", "federal research centre", "FRC"]),
        (null, ["NITS", "НИЦ", "nauchno issledovatelskii tsentr", "научно-исследовательский центр",
            "scientific research center"]),
        (null, ["KB", "КБ", "konstruktorskoe byuro", "конструкторское бюро", "design bureau"]),
        (null, ["KB", "КБ", "CB", "kommercheskii bank", "коммерческий банк", "commercial bank",
            "AKB", "АКБ", "aktsionernyi kommercheskii bank", "акционерный коммерческий банк", "joint stock commercial bank",
            "stock commercial bank", "JSCB", "SCB"]),
        (null, ["OKB", "ОКБ", "opytno konstruktorskoe byuro", "опытно-конструкторское бюро",
            "experimental design bureau", "EDB"]),
        (null, ["SKB", "СКБ", "spetsialnoe konstruktorskoe byuro", "специальное конструкторское бюро",
            "special design bureau", "SDB"]),
        (null, ["TSKB", "ЦКБ", "tsentralnoe konstruktorskoe byuro", "центральное конструкторское бюро",
            "central design bureau", "CDB"]),
        (null, ["PKB", "ПКБ", "proektno konstruktorskoe byuro", "проектно-конструкторское бюро"]),
        (null, ["NII", "НИИ", "nauchno issledovatelskii institut", "научно-исследовательский институт",
            "scientific research institute", "research institute", "SRI"]),
        (null, ["TSNII", "ЦНИИ", "tsentralnyi nauchno issledovatelskii institut",
            "центральный научно-исследовательский институт", "central scientific research institute",
            "central research institute", "CSRI", "tsentralnyi nii", "центральный НИИ"]),
        ("SOE", ["federalnoe gosudarstvennoe unitarnoe predpriyatie",
            "федеральное государственное унитарное предприятие", "federal state unitary enterprise", "FSUE"]),
        ("SOE", ["federalnoe gosudarstvennoe byudzhetnoe uchrezhdenie",
            "федеральное государственное бюджетное учреждение", "federal state budgetary institution", "FSBI"]),
        ("SOE", ["FKP", "ФКП", "federalnoe kazennoe predpriyatie", "федеральное казённое предприятие",
            "federal state owned enterprise"]),
        ("SOE", ["gosudarstvennoe unitarnoe predpriyatie", "государственное унитарное предприятие",
            "state unitary enterprise"]),
        (null, ["TD", "ТД", "torgovyi dom", "торговый дом", "trading house", "TH"]),
        ("NGO", ["ANO", "АНО", "avtonomnaya nekommercheskaya organizatsiya", "автономная некоммерческая организация",
            "autonomous non-profit organization", "autonomous nonprofit organization"]),
        (null, ["predstavitelstvo", "представительство", "representative office", "filial", "филиал"]),
        (null, ["NKO", "НКО", "nebankovskaya kreditnaya organizatsiya", "небанковская кредитная организация"]),
    ];

    internal static readonly string[] RussianOrganisationTypePhrases = [.. RussianOrganisationTypes.SelectMany(t => t.Phrases)];
}
