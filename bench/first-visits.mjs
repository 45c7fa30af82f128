#!/usr/bin/env node
// First visits (issue 25, point 28): every page a signed-in person reaches by links, each asked
// once, as someone does who comes back after a change. Run by bench/web against the big-city
// demo; it can run alone too:
//
//   node bench/first-visits.mjs http://127.0.0.1:8080 '<kompas_sessie cookie value>' [label]
//
// Prints the number of pages, p50, p99 and the slowest, and whether the target is met (each
// first visit at most 250 ms, p99 at most 100 ms). One client, one request at a time.
// With KOMPAS_BENCH_CHANGE_SERVICE=1 it first saves one service of the sociale kaart unchanged
// but for its description, so the pages that read the kaart see a new version.
const [base, session, label = 'first visits'] = process.argv.slice(2);
if (!base || !session) {
  console.error('usage: first-visits.mjs BASE_URL SESSION [LABEL]');
  process.exit(2);
}
const headers = { Cookie: `kompas_sessie=${session}` };
const notAPage = /\.(csv|xlsx|zip|json|ndjson|pdf|png|svg|ics|txt)$|^\/(uitloggen|taal|api|static)\b/;
const limit = Number(process.env.KOMPAS_BENCH_FIRST_VISITS ?? 5000);

async function timed(path) {
  const started = process.hrtime.bigint();
  const response = await fetch(base + path, { headers, redirect: 'manual' });
  const body = await response.text();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: response.status, body };
}

const unescape = (text) => text.replaceAll('&amp;', '&').replaceAll('&quot;', '"');

// Saves a service's edit form with a changed description: the kaart's next version.
async function changeOneService() {
  const list = await timed('/deskundigheid/kaart');
  const service = list.body.match(/href="(\/deskundigheid\/kaart\/dienst\/[^"]+)"/)?.[1];
  if (!service) throw new Error('no service on /deskundigheid/kaart');
  const form = (await timed(`${service}/bewerken`)).body;
  const fields = new URLSearchParams();
  for (const [input] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = input.match(/ name="([^"]*)"/)?.[1];
    const type = input.match(/ type="([^"]*)"/)?.[1];
    if (!name || ((type === 'checkbox' || type === 'radio') && !/ checked/.test(input))) continue;
    fields.append(unescape(name), unescape(input.match(/ value="([^"]*)"/)?.[1] ?? ''));
  }
  for (const [, name, text] of form.matchAll(/<textarea\b[^>]* name="([^"]*)"[^>]*>([^<]*)<\/textarea>/g))
    fields.append(unescape(name), unescape(text) + (name === 'description' ? ' (bijgewerkt)' : ''));
  for (const [, name, options] of form.matchAll(/<select\b[^>]* name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g))
    fields.append(unescape(name), options.match(/<option value="([^"]*)" selected/)?.[1] ?? '');
  const saved = await fetch(`${base}${service}/bewerken`, {
    method: 'POST', redirect: 'manual', body: fields,
    headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  if (saved.status !== 303) throw new Error(`saving ${service} answered ${saved.status}`);
  console.log(`changed ${service} (its description), so the kaart has a new version`);
}

async function crawl() {
  const seen = new Set(['/']);
  const queue = ['/'];
  const visits = [];
  while (queue.length > 0 && visits.length < limit) {
    const path = queue.shift();
    const { ms, status, body } = await timed(path);
    if (status !== 200) continue;
    visits.push({ path, ms });
    for (const [, href] of body.matchAll(/href="(\/[^"#?]*)/g)) {
      const link = unescape(href);
      if (!notAPage.test(link) && !seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return visits;
}

if (process.env.KOMPAS_BENCH_CHANGE_SERVICE === '1') await changeOneService();
const visits = await crawl();
const sorted = visits.map((v) => v.ms).sort((a, b) => a - b);
const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const slowest = [...visits].sort((a, b) => b.ms - a.ms).slice(0, 8);
const met = sorted.at(-1) <= 250 && at(0.99) <= 100;
console.log(`\n${label}: ${visits.length} pages, p50 ${at(0.5).toFixed(1)} ms, p99 ` +
  `${at(0.99).toFixed(1)} ms, slowest ${sorted.at(-1).toFixed(1)} ms ` +
  `(target: each ≤ 250 ms, p99 ≤ 100 ms: ${met ? 'met' : 'NOT met'})`);
for (const { path, ms } of slowest) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${path}`);
