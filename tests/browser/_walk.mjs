// Temporary hand-walk helper: screenshots of issue-13 pages per role and width. Delete after use.
import { launchBrowser, newPage, login, BEHEERDER, PARTNER_USER, LEZER, horizontalOverflow, overflowingElements, seriousAxeViolations, describeViolations } from './helpers.mjs';
import { mkdir } from 'node:fs/promises';
const base = process.env.BASE ?? 'http://127.0.0.1:8095';
const out = '/tmp/walk';
await mkdir(out, { recursive: true });
const pages = JSON.parse(process.env.PAGES);
const who = { beheerder: BEHEERDER, partner: PARTNER_USER, lezer: LEZER, anon: null }[process.env.WHO];
const browser = await launchBrowser();
for (const width of (process.env.WIDTHS ?? '1280,360').split(',').map(Number)) {
  const page = await newPage(browser, base, { viewport: { width, height: 900 } });
  if (who) await login(page, who);
  for (const p of pages) {
    const res = await page.goto(p);
    const name = `${process.env.WHO}-${width}-${p.replace(/[^a-z0-9]+/gi, '_')}`;
    const over = await horizontalOverflow(page);
    const axe = process.env.AXE ? describeViolations(p, await seriousAxeViolations(page)) : '';
    console.log(res.status(), width, p, over > 0 ? `OVERFLOW ${over} ${await overflowingElements(page)}` : '', axe);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  }
  await page.context().close();
}
await browser.close();
