using System.Globalization;
using Entente.Core.Screening;

namespace Entente.Core.Tests.Screening;

public sealed class ScreeningScaleTests
{
    [Fact]
    public void Search_FindsNameWithTypo_AmongThousandsOfNamesakes()
    {
        // Thousands of people share the given name and the surname's neighbours; the wanted one must still be found
        // through the words it shares exactly with the query.
        string[] first = ["Yuriy", "Anna", "Sergey", "Olga", "Ivan", "Natalya"];
        string[] middle = ["Alekseevich", "Ivanovich", "Petrovna", "Sergeevich", "Borisovna"];
        string[] last = ["Sorgkin", "Sorokina", "Sorokov", "Petrov", "Ivanov", "Smirnov", "Morozov"];
        var entries = new List<ListEntry>();
        var id = 0;
        for (var r = 0; r < 100; r++)
        {
            foreach (var f in first)
            {
                foreach (var m in middle)
                {
                    foreach (var l in last)
                    {
                        entries.Add(new ListEntry((id++).ToString(CultureInfo.InvariantCulture), EntityType.Person, $"{f} {m} {l}", [], null));
                    }
                }
            }
        }

        // More exact namesakes (Yuriy … Sorokin) than the engine rescores: only the near match of the middle word tells them apart.
        string[] middles = ["Petrovich", "Ivanovich", "Borisovich", "Sergeevich", "Olegovich", "Viktorovich", "Nikolaevich", "Mikhaylovich", "Andreevich", "Pavlovich"];
        for (var k = 0; k < 300; k++)
        {
            entries.Add(new ListEntry((id++).ToString(CultureInfo.InvariantCulture), EntityType.Person, $"Yuriy {middles[k % middles.Length]} Sorokin", [], null));
        }

        // The query's typo is itself a rare word of the index (someone else's misspelling).
        entries.Add(new ListEntry("typo-owner", EntityType.Person, "Kleksevich Tarasov", [], null));
        entries.Add(new ListEntry("wanted", EntityType.Person, "Yuriy Alekseevich Sorokin", ["Юрий Алексеевич Сорокин"], null));
        var index = ScreeningIndex.Build([new SanctionsList("t", entries)]);
        var matches = index.Search("Юрий kлексеевич Сорокин");
        Assert.Equal("wanted", matches[0].EntityId);
    }
}
