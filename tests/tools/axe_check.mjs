// axe_check.mjs --screenshots DIR [--dark] NAME=PAGE.html...
//
// Opens each web page in headless Chromium at 320 px and at 1280 px wide (with --dark also
// in a dark colour scheme), runs axe-core's WCAG 2.0 and 2.1 level A and AA rules over it,
// checks that the page is never wider than the window (WCAG 1.4.10, reflow: only a table
// may scroll, in its own frame), and saves a full-page screenshot as DIR/NAME-WIDTH.png
// (NAME-WIDTH-dark.png in the dark scheme) for a person to look at. A NAME= left out is
// the file's name without its extension.
//
// Prints one line per violation, `PAGE WIDTH: rule (impact, nodes): help; first at
// selector`, then a summary with what axe could not decide (text inside a chart's SVG,
// say), and exits 1 if there is any violation, 2 if the check cannot run.
//
// Needs Node, Debian's chromium (/usr/bin/chromium, or the one KVARTAL_CHROMIUM names),
// and the npm packages axe-core and playwright-core, found through NODE_PATH: .ci/run
// installs them into a cache folder, never into the repository.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const USAGE = "usage: axe_check.mjs --screenshots DIR [--dark] NAME=PAGE.html...";
const WIDTHS = [320, 1280];
const HEIGHT = 800;
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

function fail(message) {
  console.error(message);
  process.exit(2);
}

function parse(args) {
  const options = { shots: null, schemes: ["light"], pages: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--screenshots") options.shots = args[++i];
    else if (arg === "--dark") options.schemes.push("dark");
    else if (arg.startsWith("--")) fail(`unknown option ${arg}\n${USAGE}`);
    else {
      const at = arg.indexOf("=");
      const file = at < 0 ? arg : arg.slice(at + 1);
      const name = at < 0 ? path.basename(file, path.extname(file)) : arg.slice(0, at);
      options.pages.push({ name, file });
    }
  }
  if (!options.shots || options.pages.length === 0) fail(USAGE);
  return options;
}

// NODE_PATH is honoured by require, not by import.
function load() {
  const require = createRequire(import.meta.url);
  try {
    const { chromium } = require("playwright-core");
    const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
    return { chromium, axe };
  } catch (error) {
    fail(`axe-core and playwright-core are needed, in a node_modules folder NODE_PATH names ` +
      `(NODE_PATH=${process.env.NODE_PATH ?? ""}): ${error.message}`);
  }
}

// What axe and the reflow check find on the page at its present width: the violations,
// and the rules axe could not decide on some nodes (text inside a chart's SVG, cells of a
// table scrolled in its frame), for a person to review.
async function check(page, axe, width) {
  const violations = [];
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  if (wide > width) {
    violations.push({
      id: "reflow",
      impact: "serious",
      nodes: [{ target: ["html"] }],
      help: `the page is ${wide} px wide in a ${width} px window; ` +
        "content must reflow without scrolling sideways (WCAG 1.4.10)",
    });
  }
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(
    async (tags) => await window.axe.run(document, { runOnly: { type: "tag", values: tags } }),
    TAGS,
  );
  return { violations: violations.concat(result.violations), incomplete: result.incomplete };
}

// Every page in one colour scheme at one width, in a browser context of its own: the
// lines to print, the number of violations and of undecided nodes by rule.
async function view(browser, axe, options, colorScheme, width) {
  const context = await browser.newContext({ viewport: { width, height: HEIGHT }, colorScheme });
  const page = await context.newPage();
  const dark = colorScheme === "dark";
  const found = { lines: [], violations: 0, review: {} };
  for (const { name, file } of options.pages) {
    await page.goto(pathToFileURL(path.resolve(file)).href);
    const shot = path.join(options.shots, `${name}-${width}${dark ? "-dark" : ""}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    const { violations, incomplete } = await check(page, axe, width);
    for (const v of violations) {
      const nodes = `${v.nodes.length} node${v.nodes.length === 1 ? "" : "s"}`;
      const first = v.nodes[0]?.target?.join(" ") ?? "";
      found.lines.push(`${file} ${width} px${dark ? " dark" : ""}: ${v.id} (${v.impact}, ` +
        `${nodes}): ${v.help}; first at ${first}`);
    }
    found.violations += violations.length;
    for (const r of incomplete) found.review[r.id] = (found.review[r.id] ?? 0) + r.nodes.length;
  }
  await context.close();
  return found;
}

const options = parse(process.argv.slice(2));
const { chromium, axe } = load();
mkdirSync(options.shots, { recursive: true });
const executablePath = process.env.KVARTAL_CHROMIUM || "/usr/bin/chromium";
let browser;
try {
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
} catch (error) {
  fail(`Chromium does not start (${executablePath}; on Debian the package chromium): ` +
    error.message);
}
// Two views at a time: while one page is laid out or photographed, axe runs in another.
const views = options.schemes.flatMap((scheme) => WIDTHS.map((width) => [scheme, width]));
const results = new Array(views.length);
let next = 0;
const worker = async () => {
  while (next < views.length) {
    const at = next++;
    results[at] = await view(browser, axe, options, ...views[at]);
  }
};
let broken = null;
try {
  await Promise.all([worker(), worker()]);
} catch (error) {
  broken = error;
} finally {
  await browser.close();
}
if (broken) fail(`the check could not run: ${broken.message}`);
let violations = 0;
const review = {};
for (const found of results) {
  for (const line of found.lines) console.log(line);
  violations += found.violations;
  for (const [id, n] of Object.entries(found.review)) review[id] = (review[id] ?? 0) + n;
}
const undecided = Object.entries(review).map(([id, n]) => `${id} ${n}`).join(", ") || "none";
const seen = views.map((v) => v.join(" ")).join(", ");
const plural = violations === 1 ? "" : "s";
console.log(`${options.pages.length} pages in ${views.length} views (${seen}) checked against ` +
  `${TAGS.join(", ")} and reflow: ${violations} violation${plural}; nodes axe left for a ` +
  `person to review: ${undecided}; screenshots in ${options.shots}`);
process.exit(violations ? 1 : 0);
