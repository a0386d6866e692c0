using MLPipelines.Reports.Html;

namespace MLPipelines.Reports.Tests.Html;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<a href=\"x\">'&'</a>", "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")]
    [InlineData("plain text", "plain text")]
    [InlineData("tab\tand\nnewline", "tab\tand\nnewline")]
    [InlineData("bell\u0007 nul\u0000", "bell\uFFFD nul\uFFFD")]
    [InlineData("emoji \U0001F600 ok", "emoji \U0001F600 ok")]
    public void HtmlText_Escape_MakesTextSafeForHtmlAndXml(string text, string expected)
    {
        Assert.Equal(expected, HtmlText.Escape(text));
    }

    [Fact]
    public void HtmlText_Escape_ReplacesALoneSurrogate()
    {
        var text = "lone " + (char)0xD800 + " surrogate";

        Assert.Equal("lone \uFFFD surrogate", HtmlText.Escape(text));
    }

    [Fact]
    public void HtmlText_Escape_NullIsEmpty()
    {
        Assert.Equal("", HtmlText.Escape(null));
    }

    [Fact]
    public void HtmlBuilder_Element_EscapesTextAndClass()
    {
        var html = new HtmlBuilder().Element("p", "<b>", "x\" onclick=\"y").ToString();

        Assert.Equal("<p class=\"x&quot; onclick=&quot;y\">&lt;b&gt;</p>\n", html);
    }
}
