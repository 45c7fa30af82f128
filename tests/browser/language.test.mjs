// WCAG 3.1.2, language of parts: in the English interface, what the coalition wrote in Dutch (an
// ambition's title, an indicator's name) is marked lang="nl", so a screen reader reads it as
// Dutch. Derived, not listed: text that stays the same when the interface switches language is
// the coalition's own, and so Dutch. The walk takes every page of the menu and the first links
// on each, as a beheerder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { demoServerAndBrowser, newPage, login, BEHEERDER } from './helpers.mjs';

const demo = demoServerAndBrowser();

const notAPage = /\.(csv|xlsx|json|ndjson|pdf|zip)$|^\/(taal|api|uitloggen)\b/;

// The text nodes of <main> (spaces collapsed), each with the language that applies to it.
function textRuns() {
  const main = document.querySelector('main') ?? document.body;
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  const runs = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || parent.closest('script, style, [hidden], [aria-hidden="true"]')) continue;
    runs.push({
      text,
      lang: parent.closest('[lang]')?.getAttribute('lang') ?? '',
      checked: parent.closest('h1, h2, h3, h4, caption, legend, td, th, p, dd, li, q, blockquote, option') !== null,
    });
  }
  return runs;
}

// Prose, not figures, codes or proper names (which WCAG 3.1.2 exempts: "Stichting Vrijwillige
// Thuishulp", "Anouk de Vries"): three words or more, at least half of them in lower case.
function isProse(text) {
  const words = text.split(' ');
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return words.length >= 3 && lower * 2 >= words.length && /\p{L}{4,}/u.test(text);
}

test('what the coalition wrote is marked Dutch in the English interface', async () => {
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(page, BEHEERDER);
  const start = await page.locator('nav.kompas-nav a[href]').evaluateAll((as) => as.map((a) => a.href));
  const paths = new Set();
  for (const href of start) {
    const url = new URL(href);
    if (url.origin !== demo.kompas.baseUrl || notAPage.test(url.pathname)) continue;
    paths.add(url.pathname);
    await page.goto(url.pathname);
    const links = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.href));
    for (const link of links.slice(0, 6)) {
      const to = new URL(link);
      if (to.origin === demo.kompas.baseUrl && !notAPage.test(to.pathname)) paths.add(to.pathname);
    }
  }
  const dutch = new Map();
  for (const path of paths) {
    await page.goto(path);
    dutch.set(path, new Set((await page.evaluate(textRuns)).map((r) => r.text)));
  }
  await page.context().addCookies([{ name: 'taal', value: 'en', url: demo.kompas.baseUrl }]);
  const problems = [];
  for (const path of paths) {
    await page.goto(path);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en', path);
    for (const { text, lang, checked } of await page.evaluate(textRuns))
      if (checked && isProse(text) && dutch.get(path).has(text) && lang !== 'nl')
        problems.push(`${path}: "${text.slice(0, 80)}" (${lang || 'no lang'})`);
  }
  await page.context().close();
  assert.ok(paths.size > 30, `checked only ${paths.size} pages`);
  assert.deepEqual(problems, [], `${problems.length} Dutch texts not marked lang="nl":\n${problems.join('\n')}`);
});
