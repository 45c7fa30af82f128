import { chromium } from '/work/main/node_modules/playwright-core/index.mjs';
const base = 'http://127.0.0.1:8123';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--headless'] });
const p = await b.newPage();
await p.goto(base + '/inloggen');
await p.fill('#veld-email', process.argv[2] ?? 'beheerder@voorbeeld.example');
await p.fill('#veld-password', 'welkom-bij-kompas');
await Promise.all([p.waitForNavigation(), p.click('form button[type=submit]')]);
const queue = ['/']; const seen = new Set(queue); const titles = new Map();
while (queue.length && seen.size < 2000) {
  const path = queue.shift();
  const r = await p.request.get(base + path);
  if (r.status() >= 400 || !r.headers()['content-type']?.startsWith('text/html')) continue;
  const html = await r.text();
  const t = html.match(/<title>([^<]*)<\/title>/)?.[1];
  if (t) { if (!titles.has(t)) titles.set(t, []); titles.get(t).push(path); }
  for (const [, href] of html.matchAll(/href="(\/[^"#?]*)"/g))
    if (!seen.has(href) && !/\.\w+$/.test(href) && href !== '/taal' && !href.startsWith('/api/') && href !== '/sessie') { seen.add(href); queue.push(href); }
}
let dup = 0;
for (const [t, paths] of titles) if (paths.length > 1) { dup++; if (dup < 40) console.log(t, paths.slice(0, 4)); }
console.log('pages', seen.size, 'titles', titles.size, 'duplicated', dup);
await b.close();
