// Shared helpers for the browser tests: a throw-away Coalitiekompas server with the demo
// coalition, a headless Chromium (Debian's) driven by playwright-core, and axe-core checks.
import { before, after } from 'node:test';
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, readFile, mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const BEHEERDER = { email: 'beheerder@voorbeeld.example', password: 'welkom-bij-kompas' };
export const PARTNER_USER = {
  email: 'mohamed@welzijn-voorbeeld.example',
  password: 'welkom-bij-kompas',
  partner: 'Welzijn Voorbeeld',
};
export const LEZER = { email: 'pieter.bakker@raad-voorbeeld.example', password: 'welkom-bij-kompas' };

export const SHOTS_DIR = process.env.KOMPAS_SHOTS ?? '/tmp/kompas-shots';

const CHROMIUM = process.env.KOMPAS_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function kompasBinary() {
  const bin = process.env.KOMPAS_BIN ?? 'build/kompas';
  return isAbsolute(bin) ? bin : resolve(repoRoot, bin);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts `kompas serve` on a fresh demo database in a temporary directory.
 * Returns { baseUrl, dir, db, stop() }; stop() kills the server and removes the directory.
 */
export async function startKompas() {
  const bin = kompasBinary();
  const dir = await mkdtemp(join(tmpdir(), 'kompas-browser-'));
  const db = join(dir, 'k.db');
  try {
    await promisify(execFile)(bin, ['demo', '--db', db], { cwd: dir, timeout: 30_000 });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`'${bin} demo' failed (set KOMPAS_BIN to another binary?): ${err.message}`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The server serves /static from the directory next to the binary (build/static).
  const child = spawn(bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      const deadline = Date.now() + 5000;
      while (exited === null && Date.now() < deadline) await sleep(20);
      if (exited === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited !== null) {
      await stop();
      throw new Error(`kompas serve exited early (${JSON.stringify(exited)}):\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`kompas serve did not become healthy on ${baseUrl}:\n${output}`);
    }
    await sleep(50);
  }
  // The stylesheet must be served, or every visual and contrast check is meaningless.
  const css = await fetch(`${baseUrl}/static/kompas.css`);
  if (!css.ok) {
    await stop();
    throw new Error(`/static/kompas.css gave ${css.status}; is build/static built?`);
  }
  return { baseUrl, dir, db, stop, log: () => output };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A new browser context (own cookies) with Dutch locale and a desktop-sized viewport. */
export async function newPage(browser, baseUrl, options = {}) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'nl-NL',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/**
 * Clicks the named button and waits for the page it leads to; returns that page's HTTP status
 * (after a 303, the status of the page redirected to).
 */
export async function submit(page, name) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return response.status();
}

/** Logs in through the login form and waits until the browser has left /inloggen. */
export async function login(page, who) {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(who.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/inloggen')),
    page.getByRole('button', { name: 'Inloggen' }).click(),
  ]);
}

/** Goes to a path and returns the HTTP status of the final document. */
export async function visit(page, path) {
  const res = await page.goto(path);
  return res.status();
}

/**
 * Waits for the page's fonts and fails unless the text of the main heading and of the body is
 * drawn with the font the product serves (a web font, never one the machine happens to have),
 * so layout checks give the same answer on every machine.
 */
export async function assertServedFont(page) {
  await page.evaluate(() => document.fonts.ready);
  const client = await page.context().newCDPSession(page);
  try {
    await client.send('DOM.enable');
    await client.send('CSS.enable');
    const { root } = await client.send('DOM.getDocument', { depth: 0 });
    let checked = 0;
    for (const selector of ['h1', 'main p', 'main label', 'main th', 'nav a']) {
      const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      if (!nodeId) continue;
      const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId });
      const local = fonts.filter((f) => !f.isCustomFont).map((f) => f.familyName);
      if (local.length > 0)
        throw new Error(
          `${page.url()} ${selector}: text drawn with the machine's fonts (${local.join(', ')}), ` +
            'not the served Noto Sans',
        );
      checked += fonts.length;
    }
    if (checked === 0) throw new Error(`${page.url()}: no text found to check the font of`);
  } finally {
    await client.detach();
  }
}

let axeSource;

/**
 * Runs axe-core on the current page and returns the violations with impact serious or
 * critical. The script is evaluated through the DevTools protocol, which the page's CSP
 * (script-src 'self') does not block.
 */
export async function seriousAxeViolations(page) {
  await assertServedFont(page);
  axeSource ??= await readFile(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html.slice(0, 200),
        summary: n.failureSummary,
      })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable multi-line description of axe violations, for assertion messages. */
export function describeViolations(label, violations) {
  const lines = [];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`      at ${n.target}`);
      lines.push(`         ${n.html}`);
      if (n.summary) lines.push(`         ${n.summary.replace(/\n/g, '\n         ')}`);
    }
    if (v.nodes.length > 5) lines.push(`      … and ${v.nodes.length - 5} more elements`);
  }
  return `${label}:\n${lines.join('\n')}`;
}

/**
 * Links and controls smaller than the 24 px target of WCAG 2.2 (2.5.8), as "tag 'text' WxH".
 * Stricter than axe, which lets a small target pass when its neighbours happen to be far
 * enough away: that distance depends on the text around it, so it differs between layouts.
 */
export async function smallTargets(page) {
  return page.evaluate(() => {
    const out = [];
    for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;  // not shown
      if (el.closest('svg')) continue;
      if (rect.height < 24 || rect.width < 24) {
        const text = (el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 40);
        out.push(`${el.tagName.toLowerCase()} '${text}' ${Math.round(rect.width)}x${Math.round(rect.height)}`);
      }
    }
    return out;
  });
}

/** Width by which the document is wider than the viewport (0 when it fits). */
export async function horizontalOverflow(page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Elements that stick out past the right edge of the viewport, for overflow messages. */
export async function overflowingElements(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      const rect = el.getBoundingClientRect();
      if (rect.right > width + 1 && rect.width > 0) {
        // Report the outermost offender only.
        if (!out.some((o) => o.el.contains(el)))
          out.push({ el, text: `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(rect.right)}` });
      }
    }
    return out.map((o) => o.text).slice(0, 8);
  });
}

export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Writes a file into the server's temp dir (for uploads) and returns its path. */
export async function tempFile(dir, name, content) {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

// WCAG 1.4.12: the spacing a reader may set, all at once.
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`;

/**
 * Sets the WCAG text-spacing values on the page and returns what they break in its charts: SVG
 * text that runs outside its drawing's viewBox (so it is cut), and SVG text under 4.5:1 against
 * what is behind it, a cell's fill blended with its opacity over the white page.
 */
export async function textSpacingProblems(page) {
  // A style sheet made in the page, as a reader's extension adds one (a <style> element would be
  // refused by the page's Content-Security-Policy, which does not govern the reader's own).
  return page.evaluate((spacing) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(spacing);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    const rgb = (css) => (css.match(/[\d.]+/g) ?? []).slice(0, 4).map(Number);
    const luminance = ([r, g, b]) => {
      const lin = (c) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const contrast = (a, b) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const out = [];
    for (const svg of document.querySelectorAll('svg.kompas-chart')) {
      if (!svg.checkVisibility()) continue;
      // Boxes on the screen: they follow a label's rotation, and the drawing's box is its viewBox.
      const view = svg.getBoundingClientRect();
      const name = svg.querySelector('title')?.textContent ?? 'chart';
      const rects = [...svg.querySelectorAll('rect')];
      for (const text of svg.querySelectorAll('text')) {
        const box = text.getBoundingClientRect();
        if (box.left < view.left - 1 || box.right > view.right + 1 ||
            box.top < view.top - 1 || box.bottom > view.bottom + 1)
          out.push(`${name}: "${text.textContent}" runs outside the drawing`);
        const cx = (box.left + box.right) / 2;
        const cy = (box.top + box.bottom) / 2;
        const under = rects.filter((r) => {
          const b = r.getBoundingClientRect();
          return r.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING &&
            cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom;
        }).at(-1);
        let behind = [255, 255, 255];
        if (under) {
          const style = getComputedStyle(under);
          if (style.fill.startsWith('url')) continue;  // a hatched model figure: checked by eye
          const [r, g, b, a = 1] = rgb(style.fill);
          const alpha = a * Number(style.fillOpacity) * Number(style.opacity);
          behind = [r, g, b].map((c) => c * alpha + 255 * (1 - alpha));
        }
        const ratio = contrast(rgb(getComputedStyle(text).fill).slice(0, 3), behind);
        if (ratio < 4.5) out.push(`${name}: "${text.textContent}" at ${ratio.toFixed(2)}:1`);
      }
    }
    return out;
  }, TEXT_SPACING);
}

/**
 * A demo server and a browser for a file's tests: started before the first, stopped after the
 * last. The returned object holds them (`kompas`, `browser`) once started; `setUp(demo)` runs
 * right after (a file's own `before` may run before this one).
 */
export function demoServerAndBrowser(setUp = async () => {}) {
  const demo = {};
  before(async () => {
    demo.kompas = await startKompas();
    demo.browser = await launchBrowser();
    await setUp(demo);
  });
  after(async () => {
    await demo.browser?.close();
    await demo.kompas?.stop();
  });
  return demo;
}
