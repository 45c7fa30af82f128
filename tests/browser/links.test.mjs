// Every role walks every link it is shown (GET only): the navigation, and every link on the
// pages it leads to. No link may answer with an error, and no page may show a raw catalogue key
// ("[[survey.back]]", "audit.entity.actie"), English text or a date as stored (2026-09-01) in
// the Dutch interface, and no two pages may share a title.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoServerAndBrowser, newPage, login, repoRoot, BEHEERDER, PARTNER_USER, LEZER } from './helpers.mjs';

const demo = demoServerAndBrowser();
let dutch;
let english;
let lezerMayPost;

before(async () => {
  dutch = JSON.parse(await readFile(join(repoRoot, 'messages', 'nl.json'), 'utf8'));
  english = JSON.parse(await readFile(join(repoRoot, 'messages', 'en.json'), 'utf8'));
  const declared = JSON.parse(await readFile(join(repoRoot, 'tests', 'roles', 'lezer_may_post.json'), 'utf8'));
  lezerMayPost = declared.patterns.map((p) => new RegExp(`^${p}$`));
});

// Links that leave the Dutch interface: /taal switches the language and the API answers in JSON
// (tests/browser/api.test.mjs); files are fetched for their status only.
const skip = (url) => url.pathname === '/taal' || url.pathname.startsWith('/api/');
const isFile = (url) => /\.(csv|xlsx|json|ndjson|pdf|zip)$/.test(url.pathname);

// English sentences of the catalogue that differ from their Dutch text: seen on a Dutch page,
// they are untranslated. Short ones ("Status", "Partner") are the same word in both languages.
function englishSentences() {
  const out = [];
  for (const [key, text] of Object.entries(english))
    if (text !== dutch[key] && !text.includes('{') && text.split(' ').length >= 3) out.push(text);
  return out;
}

function problemsOnPage(text, where) {
  const problems = [];
  const placeholder = text.match(/\[\[[^\]]+\]\]/);
  if (placeholder) problems.push(`${where}: raw placeholder ${placeholder[0]}`);
  for (const token of new Set(text.match(/\b[a-z_]+(?:\.[a-z_0-9-]+)+\b/g) ?? []))
    if (token in dutch) problems.push(`${where}: raw catalogue key ${token}`);
  for (const sentence of englishSentences())
    if (text.includes(sentence)) problems.push(`${where}: English text "${sentence}"`);
  // People read dates as "1 september 2026" (Ctx::date), never as the stored 2026-09-01.
  const date = text.match(/[^\n]{0,30}\b\d{4}-\d{2}-\d{2}\b[^\n]{0,30}/);
  if (date) problems.push(`${where}: a date as stored: "${date[0]}"`);
  return problems;
}

async function walk(who) {
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(page, who);
  const start = await page.locator('nav.kompas-nav a[href], a.kompas-header__section')
    .evaluateAll((as) => as.map((a) => a.href));
  const seen = new Set();
  const queue = start.map((href) => ({ href, from: 'navigatie', depth: 0 }));
  const problems = [];
  const posts = new Set();  // where the forms on the walked pages post to
  const pathsByTitle = new Map();  // WCAG 2.4.2: no two pages share a title (a query only filters)
  let visited = 0;
  while (queue.length > 0 && visited < 400) {
    const { href, from, depth } = queue.shift();
    const url = new URL(href);
    if (url.origin !== demo.kompas.baseUrl || skip(url)) continue;
    url.hash = '';
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    visited += 1;
    if (isFile(url)) {
      const response = await page.request.get(url.href);
      if (response.status() >= 400) problems.push(`${url.pathname}${url.search} (from ${from}): ${response.status()}`);
      continue;
    }
    const response = await page.goto(url.href);
    const where = `${url.pathname}${url.search}`;
    if (response.status() >= 400) {
      problems.push(`${where} (from ${from}): ${response.status()}`);
      continue;
    }
    problems.push(...problemsOnPage(await page.locator('body').innerText(), where));
    const title = await page.title();
    pathsByTitle.set(title, new Set([...(pathsByTitle.get(title) ?? []), url.pathname]));
    const actions = await page.locator('form[method="post" i]')
      .evaluateAll((forms) => forms.map((f) => new URL(f.action).pathname));
    for (const action of actions) posts.add(`${action} (on ${where})`);
    if (depth < 2) {
      const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.href));
      for (const link of links) queue.push({ href: link, from: where, depth: depth + 1 });
    }
  }
  await page.context().close();
  for (const [title, paths] of pathsByTitle)
    if (paths.size > 1) problems.push(`title "${title}" on ${[...paths].join(', ')}`);
  return { problems, visited, posts };
}

for (const [role, who] of [['beheerder', BEHEERDER], ['partner', PARTNER_USER], ['lezer', LEZER]]) {
  test(`every link a ${role} is shown works and speaks Dutch`, async () => {
    const { problems, visited, posts } = await walk(who);
    assert.ok(visited > 20, `walked only ${visited} pages`);
    assert.deepEqual(problems, [], `${problems.length} problems:\n${problems.join('\n')}`);
    // A lezer meets no form that posts anywhere but what a lezer may do
    // (tests/roles/lezer_may_post.json, which the authorisation test posts too).
    if (who === LEZER) {
      const other = [...posts].filter((p) => !lezerMayPost.some((re) => re.test(p.split(' (on ')[0])));
      assert.deepEqual(other, [], `forms a lezer should not see:\n${other.join('\n')}`);
    }
  });
}

