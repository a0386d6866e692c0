namespace MLPipelines.Spec.Tests;

public sealed class NameSuggesterTests
{
    [Theory]
    [InlineData("folds", "folds", 0)]
    [InlineData("fold", "folds", 1)]
    [InlineData("lightgmb", "lightgbm", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void NameSuggester_Distance_CountsEditsWithAdjacentSwapsAsOne(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggester.Distance(a, b));
        Assert.Equal(expected, NameSuggester.Distance(b, a));
    }

    [Theory]
    [InlineData("fold", "folds")]
    [InlineData("Folds", "folds")]
    [InlineData("learning-rate", "learning_rate")]
    [InlineData("learningRate", "learning_rate")]
    [InlineData("primary", "primary_metric")]
    [InlineData("tset_fraction", "test_fraction")]
    public void NameSuggester_Suggest_FindsTheIntendedKey(string input, string expected)
    {
        string[] keys = ["method", "folds", "repeats", "test_fraction", "seed", "primary_metric", "learning_rate"];

        Assert.Equal(expected, NameSuggester.Suggest(input, keys));
    }

    [Theory]
    [InlineData("shuffle")]
    [InlineData("x")]
    [InlineData("")]
    public void NameSuggester_Suggest_NothingClose_ReturnsNull(string input)
    {
        Assert.Null(NameSuggester.Suggest(input, ["method", "folds", "seed"]));
        Assert.Equal("", NameSuggester.DidYouMean(input, ["method", "folds", "seed"]));
    }

    [Fact]
    public void NameSuggester_Suggest_Tie_PrefersTheEarlierCandidate()
    {
        Assert.Equal("ab", NameSuggester.Suggest("aa", ["ab", "ba"]));
    }
}
