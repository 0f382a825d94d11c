using Portal.Features.Catalogue;

namespace Portal.Tests.Unit;

public sealed class EnglishTextTests
{
    private const string English = "The province of Quảng Trị was one of the most heavily contaminated areas in the world. " +
        "Between 2009 and 2012 the teams of the project cleared more than 1,200 hectares of farmland, and they worked with " +
        "the communities from the start so that people knew where it was safe to walk. The results were shared with the " +
        "authorities of the province, which used them to plan the next phase of the work. Lessons learned: involve the " +
        "people who live on the land, and report what was found in a form that everyone can read.";

    private const string Spanish = "La provincia fue una de las zonas más contaminadas del mundo. Entre 2009 y 2012 los equipos " +
        "del proyecto despejaron más de 1.200 hectáreas de tierras de cultivo, y trabajaron con las comunidades desde el " +
        "principio para que la gente supiera dónde era seguro caminar. Los resultados se compartieron con las autoridades de " +
        "la provincia, que los utilizaron para planificar la siguiente fase del trabajo. Lecciones aprendidas: involucrar a " +
        "las personas que viven en la tierra e informar de lo encontrado de forma que todos puedan leerlo.";

    private const string French = "La province était l'une des zones les plus contaminées du monde. Entre 2009 et 2012, les " +
        "équipes du projet ont dépollué plus de 1 200 hectares de terres agricoles, et elles ont travaillé avec les " +
        "communautés dès le début afin que chacun sache où il était possible de marcher sans danger. Les résultats ont été " +
        "partagés avec les autorités de la province, qui les ont utilisés pour planifier la phase suivante du travail.";

    [Fact]
    public void English_LooksEnglish() => Assert.True(EnglishText.Looks("## Context\n\n" + English));

    [Theory]
    [InlineData(Spanish)]
    [InlineData(French)]
    public void OtherLanguages_DoNotLookEnglish(string text) => Assert.False(EnglishText.Looks(text));

    [Fact]
    public void ShortText_IsNotJudged() => Assert.True(EnglishText.Looks("Proyecto de desminado en la provincia."));
}
