// Renders report.html files in Debian's headless Chromium through playwright-core (no browser download) at a
// desktop and a phone width, saves a full-page screenshot of each, and fails when a page
//   - requests anything that is not the file itself or a data: URI (the report must load nothing),
//   - logs a console error or throws (a Content-Security-Policy violation shows up here),
//   - contains script, iframe, object or embed elements or on* attributes (data that escaped the escaping),
//   - lacks its title, summary sentence or a required section, or has a chart that did not render,
//   - is wider than the viewport (wide tables must scroll inside their box, not widen the page).
//
// Usage: node check_report.mjs [--out DIR] [--chromium PATH] [--jobs N] REPORT.html[=section,section...] ...
// N pages are rendered at once in one browser (default 1); the output lines keep the order of the arguments.
// Prints one line per screenshot (path, bytes, pixel size) and exits 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let outDir = 'report-screenshots';
let executablePath = '/usr/bin/chromium';
let jobs = 1;
const reports = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') outDir = args[++i];
  else if (args[i] === '--chromium') executablePath = args[++i];
  else if (args[i] === '--jobs') jobs = Math.max(1, parseInt(args[++i], 10) || 1);
  else {
    const [file, sections] = args[i].split('=');
    reports.push({ file: resolve(file), sections: sections ? sections.split(',').filter(Boolean) : [] });
  }
}
if (reports.length === 0) {
  console.error('usage: node check_report.mjs [--out DIR] [--chromium PATH] [--jobs N] REPORT.html[=section,...] ...');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const viewports = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
];
const always = ['summary', 'leaderboard', 'data', 'configuration'];
const alwaysExperiment = ['summary', 'matrix', 'critical-difference', 'aggregates', 'tests', 'datasets'];

function pngSize(path) {
  const bytes = readFileSync(path);
  if (bytes.length < 24 || bytes.toString('ascii', 1, 4) !== 'PNG') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
// One page at one width: its output line and its problems.
async function check(report, vp) {
  const url = pathToFileURL(report.file).href;
  const label = basename(dirname(report.file)) + '/' + basename(report.file);
  const context = await browser.newContext({ viewport: vp.viewport, isMobile: vp.isMobile, hasTouch: vp.isMobile, deviceScaleFactor: 1 });
  const problems = [];
  await context.route('**/*', route => {
    const requested = route.request().url();
    if (requested === url || requested.startsWith('data:')) return route.continue();
    problems.push(`network request: ${requested}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', msg => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', err => problems.push(`page error: ${err.message}`));
  page.on('dialog', dialog => { problems.push(`dialog opened: ${dialog.message()}`); dialog.dismiss(); });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response) problems.push('no response for the file');
  const facts = await page.evaluate(() => ({
    title: document.title,
    h1: document.querySelector('h1')?.textContent ?? '',
    verdict: document.querySelector('#summary .verdict')?.textContent ?? '',
    sections: [...document.querySelectorAll('main > section')].map(s => s.id),
    dangerous: [...document.querySelectorAll('script, iframe, object, embed, link, base, meta[http-equiv="refresh"]')].map(e => e.tagName.toLowerCase()),
    handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => `${e.tagName.toLowerCase()}[${a.name}]`)),
    charts: [...document.querySelectorAll('svg.chart, figure.cd svg')].map(svg => { const r = svg.getBoundingClientRect(); return { w: r.width, h: r.height }; }),
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  if (!facts.title || !facts.h1) problems.push('no title or h1');
  if (!facts.verdict.trim()) problems.push('no summary sentence (#summary .verdict)');
  for (const id of [...(basename(report.file) === 'experiment.html' ? alwaysExperiment : always), ...report.sections]) {
    if (!facts.sections.includes(id)) problems.push(`section #${id} missing (present: ${facts.sections.join(', ')})`);
  }
  if (facts.dangerous.length) problems.push(`forbidden elements: ${facts.dangerous.join(', ')}`);
  if (facts.handlers.length) problems.push(`event-handler attributes: ${facts.handlers.slice(0, 5).join(', ')}`);
  const flat = facts.charts.filter(c => c.w < 100 || c.h < 60);
  if (flat.length) problems.push(`${flat.length} of ${facts.charts.length} charts did not render at a usable size`);
  if (facts.scrollWidth > facts.innerWidth + 1) problems.push(`page is ${facts.scrollWidth}px wide in a ${facts.innerWidth}px viewport`);

  const shot = resolve(outDir, `${basename(dirname(report.file))}-${vp.name}.png`);
  await page.screenshot({ path: shot, fullPage: true });
  const size = pngSize(shot);
  const bytes = statSync(shot).size;
  if (!size || bytes < 5000) problems.push(`screenshot ${shot} is not a usable PNG (${bytes} bytes)`);
  const line = `${problems.length ? 'FAIL' : 'ok  '} ${label} ${vp.name}: ${shot} ${bytes} bytes ${size ? `${size.width}x${size.height}` : '?'} px, ${facts.sections.length} sections, ${facts.charts.length} charts`;
  await context.close();
  return { line, problems: problems.map(p => `${label} ${vp.name}: ${p}`), details: problems };
}

const tasks = reports.flatMap(report => viewports.map(vp => ({ report, vp })));
const results = new Array(tasks.length);
let next = 0;
try {
  // `jobs` workers take the next page until none is left; each page has its own context in the one browser.
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await check(tasks[index].report, tasks[index].vp);
    }
  }));
} finally {
  await browser.close();
}
const failures = [];
for (const result of results) {
  console.log(result.line);
  for (const p of result.details) console.log(`       ${p}`);
  failures.push(...result.problems);
}
if (failures.length) {
  console.error(`check_report: ${failures.length} problem(s)`);
  process.exit(1);
}
console.log(`check_report: ${reports.length} report(s) rendered at ${viewports.length} widths, no network requests`);
