// Every document meant for paper prints on A4 without a broken word (issue 25, point 3). A
// template declares a document with data-print="name" on its heading; this walk finds one page of
// each declared document, prints it to PDF in Chromium and reads it back with pdftotext: every
// word of four letters or more that the page shows in print must appear whole in the PDF. A word
// cut at the page's edge, hyphenated ("Doelgro-ep") or wrapped inside a narrow column is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoServerAndBrowser, newPage, login, repoRoot, tempFile, screenshot, BEHEERDER, PARTNER_USER } from './helpers.mjs';

const demo = demoServerAndBrowser();

// The documents the templates declare, by name.
async function declaredDocuments() {
  const names = new Set();
  const dir = join(repoRoot, 'templates');
  for (const file of await readdir(dir, { recursive: true }))
    if (file.endsWith('.mustache'))
      for (const m of (await readFile(join(dir, file), 'utf8')).matchAll(/data-print="([a-z-]+)"/g)) names.add(m[1]);
  return names;
}

// The text the page shows in print, one text node per line: a word never spans two nodes, as it
// may in innerText, which joins a grid's cells without a space.
function printedText() {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const lines = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.parentElement.checkVisibility({ visibilityProperty: true })) lines.push(node.data);
  return lines.join('\n');
}

// The words of four letters or more that `shown` has and `printed` lacks.
export function brokenWords(shown, printed) {
  const words = new Set(shown.replace(/\u00ad/g, '').match(/\p{L}{4,}/gu) ?? []);
  return [...words].filter((w) => !printed.includes(w));
}

test('brokenWords finds a word wrapped, hyphenated or cut off, and nothing else', () => {
  assert.deepEqual(brokenWords('Doelgroep Centrum 1 januari', 'Doelgro-\nep Centr\num 1 janu'), ['Doelgroep', 'Centrum', 'januari']);
  assert.deepEqual(brokenWords('Doelgroep: ouderen', 'Doelgroep:ouderen\n'), []);
});

// Follows the links `who` is shown, breadth first, reading the HTML only (pages with a query
// show the same documents, filtered), and prints the first page of each document not printed yet.
async function printDocuments(who, wanted, printed, problems) {
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(page, who);
  const queue = ['/'];
  const seen = new Set(queue);
  while (queue.length > 0 && [...wanted].some((n) => !printed.has(n))) {
    const path = queue.shift();
    const response = await page.request.get(path);
    if (response.status() >= 400 || !response.headers()['content-type']?.startsWith('text/html')) continue;
    const html = await response.text();
    for (const [, href] of html.matchAll(/href="(\/[^"#?]*)"/g))
      if (!seen.has(href) && !/\.\w+$/.test(href) && href !== '/taal' && !href.startsWith('/api/')) {
        seen.add(href);
        queue.push(href);
      }
    const name = html.match(/<h1[^>]* data-print="([a-z-]+)"/)?.[1];
    if (!name || printed.has(name)) continue;
    printed.set(name, path);
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(printedText);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const file = await tempFile(demo.kompas.dir, `${name}.pdf`, pdf);
    const { stdout } = await promisify(execFile)('pdftotext', [file, '-']);
    const broken = brokenWords(shown, stdout);
    if (broken.length > 0) problems.push(`${name} (${path}): ${broken.slice(0, 12).join(', ')}`);
    await screenshot(page, `print-${name}`);
    await page.emulateMedia({ media: 'screen' });
  }
  await page.context().close();
}

test('every declared document prints on A4 with every word whole', async () => {
  const wanted = await declaredDocuments();
  assert.ok(wanted.size >= 6, `only ${[...wanted]} declared`);
  const printed = new Map();  // document name -> the page printed for it
  const problems = [];
  // A signal opens only for the receiving partner's staff.
  for (const who of [BEHEERDER, PARTNER_USER]) await printDocuments(who, wanted, printed, problems);
  const missing = [...wanted].filter((n) => !printed.has(n));
  assert.deepEqual(missing, [], 'documents the walks did not reach');
  assert.deepEqual(problems, [], `words broken in print:\n${problems.join('\n')}`);
});
