namespace MLPipelines.Reports.Html;

/// <summary>
/// The report's inline style sheet: system fonts only (nothing to download), one column up to 1120 px, charts that
/// scale with the page, tables that scroll sideways inside their box on a phone, first column pinned while scrolling.
/// </summary>
internal static class HtmlStyles
{
    public const string Css = """
:root{--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--bg:#ffffff;--panel:#f6f8fa;--zebra:#f9fafb;--accent:#0969da;--good:#1a7f37;--bad:#cf222e}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header,nav,main,footer{max-width:1120px;margin:0 auto;padding:0 16px}
header{padding-top:20px}
h1{font-size:1.6rem;margin:.2em 0;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:1.8em 0 .6em;padding-bottom:.3em;border-bottom:1px solid var(--border)}
h3{font-size:1.05rem;margin:1.3em 0 .4em;overflow-wrap:anywhere}
p{margin:.5em 0}
.meta{color:var(--muted);margin:.2em 0;overflow-wrap:anywhere}
nav ul{list-style:none;padding:0;margin:14px 0 0;display:flex;flex-wrap:wrap;gap:6px}
nav a{display:inline-block;padding:2px 10px;border:1px solid var(--border);border-radius:999px;text-decoration:none;color:var(--accent);font-size:.88rem}
nav a:hover{background:var(--panel)}
.verdict{font-size:1.15rem;font-weight:600;background:var(--panel);border-left:4px solid var(--accent);padding:12px 16px;margin:0 0 10px;border-radius:4px;overflow-wrap:anywhere}
.note{color:var(--muted);font-size:.9rem}
.warn{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px;margin:10px 0}
.warn ul{margin:.3em 0;padding-left:1.2em}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:8px 0 14px;border:1px solid var(--border);border-radius:6px;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.9rem;font-variant-numeric:tabular-nums}
caption{text-align:left;padding:6px 10px;color:var(--muted)}
th,td{padding:6px 10px;border-bottom:1px solid var(--border);text-align:left;white-space:nowrap;vertical-align:top}
th{background:var(--panel);font-weight:600}
tbody tr{background:var(--bg)}
tbody tr:nth-child(even){background:var(--zebra)}
tbody tr:last-child td{border-bottom:none}
td.num,th.num{text-align:right}
td.wrap{white-space:normal;min-width:14em}
th:first-child,td:first-child{position:sticky;left:0;z-index:1;background:inherit;box-shadow:1px 0 0 var(--border)}
thead th:first-child{background:var(--panel)}
tr.best td{font-weight:600}
.ci{display:block;color:var(--muted);font-size:.8em;font-weight:400}
.mark{font-weight:700;margin-left:3px}
.mark.better{color:var(--good)}
.mark.worse{color:var(--bad)}
.tag{font-size:.72em;padding:1px 6px;border-radius:999px;background:#ddf4ff;color:#0550ae;margin-left:6px;font-weight:600;vertical-align:middle}
.rank{display:inline-block;min-width:1.6em;color:var(--muted);font-weight:400}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.bar{display:inline-block;height:10px;background:var(--accent);border-radius:2px;vertical-align:middle;margin-right:6px}
.legend{display:flex;flex-wrap:wrap;gap:2px 16px;font-size:.88rem;margin:6px 0 0}
.line{display:inline-block;width:22px;height:0;border-top:3px solid var(--fg);vertical-align:middle;margin:0 6px 0 0}
.line.faded{border-top-width:1px;opacity:.5}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,460px),1fr));gap:8px 20px}
figure{margin:8px 0 14px;min-width:0}
svg.chart{width:100%;height:auto;max-width:640px;display:block}
figure.cd svg{max-width:100%;height:auto;display:block}
figcaption{color:var(--muted);font-size:.85rem;margin-top:2px}
table.matrix td,table.matrix th{text-align:center;min-width:3.2em}
table.matrix td:first-child,table.matrix th:first-child{text-align:left}
table.matrix td .pct{display:block;font-size:.78em;opacity:.85}
details{margin:10px 0;border:1px solid var(--border);border-radius:6px;padding:6px 12px}
summary{cursor:pointer;font-weight:600}
pre{overflow-x:auto;background:var(--panel);padding:10px;border-radius:4px;font-size:.82rem;line-height:1.4;margin:8px 0}
footer{color:var(--muted);font-size:.85rem;padding:28px 16px 40px}
@media (max-width:600px){body{font-size:14px}h1{font-size:1.3rem}.verdict{font-size:1rem;padding:10px 12px}th,td{padding:5px 7px}header,nav,main,footer{padding:0 10px}.wide-only{display:none}}
@media print{nav{display:none}.scroll{overflow:visible}}
""";
}
