namespace MLPipelines.Cli.Tests.Fuzz;

/// <summary>Payloads that break parsers: odd characters, wrong types, deep nesting, huge numbers, unicode, NUL, BOM.</summary>
internal static class FuzzValues
{
    public static readonly string[] Chars =
    [
        "{", "}", "[", "]", ",", ":", "-", "?", "'", "\"", "#", "&", "*", "!", "|", ">", "%", "@", "`", " ", "\t", "\n",
        "\r", "\r\n", "\0", "\uFEFF", "é", "\u2028", "\u202E", "😀", "\\", ";", "\u00A0", "\uFFFD", "\uD800",
    ];

    public static readonly string[] Scalars =
    [
        "", "~", "null", "true", "no", "-1", "0", "1", "2", "1.5", "-0", "1e400", "-1e400", "1e-400", "99999999999999999999999",
        "2147483648", "-2147483649", "9223372036854775808", "0x7fffffff", "0o17", ".nan", ".inf", "-.inf", "NaN", "Infinity",
        "'quoted'", "\"a\\u0000b\"", "\"\\uD800\"", "日本語", "😀", "\u202Eevil", "*undefined", "&anchor x", "!!int abc",
        "!!binary AAAA", "!custom x", "iris.csv", "/etc/passwd", "/dev/zero", "/dev/null", "/proc", ".", "..", "", "target",
        "lightgbm", "mlp", "cnn", "lbfgs", "fasttree", "images", "tabular", "idx", "folders", "csv_pixels", "kfold", "holdout",
        "test_set", "binary", "multiclass", "regression", "log", "zscore", "median", "accuracy", "rmse", "auc", "json", "html",
        "[]", "{}", "[1, [2, [3]]]", "{a: {b: {c: 1}}}", "[a, b]", "{x: 1}", "- a", "? a", "a: b: c", "| \n  block", "> \n  folded",
        "2001-12-14", "0.0000001", "1_000", "+1", "!!float 1", "<<", "---", "...",
    ];

    public static readonly string[] Lines =
    [
        "<<: *base", "base: &base {folds: 2}", "--- ", "...", "%YAML 1.1", "%TAG ! tag:x:", "? [complex, key]", ": value",
        "name: duplicate", "models: []", "models:", "  - {name: b, trainer: fasttree, options: {trees: 1000000000}}",
        "  - {name: c, trainer: mlp, options: {hidden: [100000, 100000]}}", "data: {kind: images, format: idx}", "version: 2",
        "report: {formats: [pdf]}", "evaluation: {method: holdout, test_fraction: 1.0}", "a: &a [*a]", "x: !!set {a, b}",
        "# comment \0 with NUL", "\t\tindented: with tabs", "datasets: [{name: x}]", "preprocessing: [{pca: {components: 0}}]",
    ];

    /// <summary>Values that are big rather than odd, built on demand.</summary>
    public static string Big(int pick) => (pick % 6) switch
    {
        0 => new string('[', 70) + new string(']', 70),
        1 => new string('a', 100_000),
        2 => "[" + string.Join(", ", Enumerable.Repeat("1", 20_000)) + "]",
        3 => string.Concat(Enumerable.Repeat("{a: ", 40)) + "1" + new string('}', 40),
        4 => "\"" + string.Concat(Enumerable.Repeat("\\U0001F600", 5_000)) + "\"",
        _ => new string('9', 5_000),
    };
}
