// Deskundigheid (issue 13): a volunteer without an account looks something up in the public
// kennisbank on a phone and prints it; a trainer reads in the attendance list of a session
// (a wrong list first, which stores nothing); the coordinator then sees the training coverage
// on its indicator in the plan, as a chart and a table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  demoServerAndBrowser,
  newPage,
  login,
  seriousAxeViolations,
  describeViolations,
  horizontalOverflow,
  tempFile,
  BEHEERDER,
  PARTNER_USER,
  LEZER,
  submit,
} from './helpers.mjs';

const demo = demoServerAndBrowser();

test('a volunteer without an account finds how to start the conversation on a phone', async () => {
  const phone = await newPage(demo.browser, demo.kompas.baseUrl, { viewport: { width: 360, height: 740 } });
  await phone.goto('/openbaar/GM9999/kennisbank');
  await phone.getByLabel('Zoek in de kennisbank').fill('gesprek beginnen');
  assert.equal(await submit(phone, 'Zoek'), 200);
  assert.match(await phone.getByRole('status').innerText(), /gevonden met ‘gesprek beginnen’/);
  await phone.getByRole('link', { name: 'Het gesprek voeren' }).click();
  await phone.waitForURL(/\/openbaar\/GM9999\/kennisbank\/het-gesprek-voeren$/);
  assert.equal(await horizontalOverflow(phone), 0);
  const violations = await seriousAxeViolations(phone);
  assert.equal(violations.length, 0, describeViolations('public article', violations));
  // Printed, the article keeps its text and drops the way back.
  const pdf = await phone.pdf({ format: 'A5' });
  const { stdout } = await promisify(execFile)('pdftotext', ['-raw', await tempFile(demo.kompas.dir, 'artikel.pdf', pdf), '-']);
  assert.match(stdout, /Voorbeelden van openingsvragen/);
  assert.doesNotMatch(stdout, /Terug naar de kennisbank/);
});

test('a volunteer without an account finds a service for a wijk on a phone', async () => {
  const phone = await newPage(demo.browser, demo.kompas.baseUrl, { viewport: { width: 360, height: 740 } });
  await phone.goto('/openbaar/GM9999/kaart');
  await phone.getByLabel('Wijk').selectOption({ label: 'Zuid-West' });
  await phone.getByLabel('Mate van eenzaamheid').selectOption({ label: 'Ernstig eenzaam' });
  assert.equal(await submit(phone, 'Zoek'), 200);
  assert.match(await phone.getByRole('status').innerText(), /plekken gevonden/);
  // Each result says how to refer: here the wijk's own consultation hour.
  const result = phone.locator('.kompas-services__item').filter({ hasText: 'Sociaal werk spreekuur Zuid-West' });
  assert.match(await result.innerText(), /Zo verwijst u door.*Bel: 010-5550104/s);
  assert.equal(await horizontalOverflow(phone), 0);
  await result.getByRole('link', { name: 'Sociaal werk spreekuur Zuid-West' }).click();
  await phone.waitForURL(/\/openbaar\/GM9999\/kaart\/dienst\//);
  assert.match(await phone.locator('main').innerText(), /Wijkcentrum Het Veld.*Veldweg 40/s);
  assert.equal(await horizontalOverflow(phone), 0);
  // An unknown postcode is told in plain words.
  await phone.goto('/openbaar/GM9999/kaart?postcode=1111');
  assert.match(await phone.getByRole('alert').innerText(), /Postcode 1111 kennen we niet/);
  await phone.context().close();
});

test('a volunteer without an account prints the gesprekskaart of a wijk from a phone', async () => {
  const phone = await newPage(demo.browser, demo.kompas.baseUrl, { viewport: { width: 360, height: 740 } });
  await phone.goto('/openbaar/GM9999/gesprekskaart');
  await phone.getByLabel('Plekken om naar te verwijzen').selectOption({ label: 'Zuid-West' });
  assert.equal(await submit(phone, 'Toon de kaart'), 200);
  const back = phone.locator('section').filter({ hasText: 'Het gesprek en daarna' });
  assert.match(await back.innerText(), /Verwijzen in Zuid-West.*Buurtkamer Westerduin.*Bel 010-5550302/s);
  assert.equal(await horizontalOverflow(phone), 0);
  const violations = await seriousAxeViolations(phone);
  assert.equal(violations.length, 0, describeViolations('public gesprekskaart', violations));
  // Printed: exactly two A6 sides (105 × 148 mm), the card's text without the page around it,
  // and a QR code that a phone reads as the public kaart of the same wijk.
  const pdf = await tempFile(demo.kompas.dir, 'gesprekskaart.pdf', await phone.pdf({ preferCSSPageSize: true }));
  const run = promisify(execFile);
  const { stdout: info } = await run('pdfinfo', ['-f', '1', '-l', '9', pdf]);
  assert.match(info, /^Pages:\s+2$/m);
  for (const side of info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm))
    assert.deepEqual([Math.round(side[1] / 72 * 25.4), Math.round(side[2] / 72 * 25.4)], [105, 148]);
  const { stdout: text } = await run('pdftotext', ['-raw', pdf, '-']);
  assert.match(text, /Signalen.*Zo begint u het gesprek.*\f.*Zo praat u.*Buurtkamer Westerduin/s);
  assert.doesNotMatch(text, /Toon de kaart|Coalitiekompas/);
  await run('pdftoppm', ['-f', '2', '-l', '2', '-r', '200', '-png', pdf, join(demo.kompas.dir, 'kaartzijde')]);
  const side = (await readdir(demo.kompas.dir)).find((f) => f.startsWith('kaartzijde'));
  const { stdout: qr } = await run('zbarimg', ['-q', '--raw', join(demo.kompas.dir, side)]);
  assert.equal(qr.trim(), `${demo.kompas.baseUrl}/openbaar/GM9999/kaart?wijk=WK999904`);
  await phone.context().close();
});

test('a volunteer without an account passes a signal on a phone; only the receiving partner opens and closes it', async () => {
  const phone = await newPage(demo.browser, demo.kompas.baseUrl, { viewport: { width: 360, height: 740 } });
  await phone.goto('/openbaar/GM9999/signaal');
  await phone.getByLabel('In welke wijk woont de bewoner?').selectOption({ label: 'Noord' });
  await phone.getByLabel(/^Contacten: /).check();
  await phone.getByLabel(/^Van buiten te zien: /).check();
  await phone.getByLabel('Wat zag of hoorde u?').fill('Ik zie meneer op nummer 12 nooit meer buiten.');
  await phone.getByLabel('Weet de bewoner dat u dit doorgeeft?').selectOption({ label: 'Nee, de bewoner weet het niet' });
  await phone.getByLabel('Naam van de bewoner').fill('Meneer Brouwer');
  assert.equal(await submit(phone, 'Doorgeven'), 200);
  assert.match(await phone.locator('main').innerText(), /Welzijn Voorbeeld neemt het op/);
  const code = (await phone.locator('.kompas-signal-code').innerText()).trim();
  assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  assert.equal(await horizontalOverflow(phone), 0);
  const violations = await seriousAxeViolations(phone);
  assert.equal(violations.length, 0, describeViolations('signal sent', violations));

  // Welzijn Voorbeeld receives it: the newest open signal, with the name only it may read.
  const partner = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(partner, PARTNER_USER);
  await partner.goto('/signaalpunt');
  await partner.getByRole('link', { name: /^Signaal \d+$/ }).first().click();
  await partner.waitForURL(/\/signaalpunt\/\d+$/);
  const signal = new URL(partner.url()).pathname;
  assert.match(await partner.locator('main').innerText(), /nooit meer buiten.*Meneer Brouwer/s);
  await partner.getByLabel('Wat is er gebeurd?').selectOption({ label: 'Contact gelegd' });
  await partner.getByLabel('Notitie').fill('Aangebeld, hij was blij met het bezoek.');
  assert.equal(await submit(partner, 'Stap opslaan'), 200);
  await partner.getByLabel('Wat is er gebeurd?').selectOption({ label: 'Afgesloten' });
  assert.equal(await submit(partner, 'Stap opslaan'), 422);  // closing needs a reason
  await partner.getByLabel('Waarom afgesloten?').selectOption({ label: 'De bewoner heeft wat hij of zij nodig heeft' });
  assert.equal(await submit(partner, 'Stap opslaan'), 200);
  assert.match(await partner.locator('main').innerText(), /Stand\s+Afgesloten/);
  const partnerViolations = await seriousAxeViolations(partner);
  assert.equal(partnerViolations.length, 0, describeViolations('a signal', partnerViolations));
  await partner.context().close();

  // Another partner and a lezer cannot open it.
  for (const who of [{ email: 'sanne@havenstad.example', password: BEHEERDER.password }, LEZER]) {
    const other = await newPage(demo.browser, demo.kompas.baseUrl);
    await login(other, who);
    assert.equal((await other.goto(signal)).status(), 403, who.email);
    assert.doesNotMatch(await other.locator('body').innerText(), /Brouwer/);
    await other.context().close();
  }

  // The reporter's code shows the status, never the content.
  await phone.goto('/openbaar/GM9999/signaal/status');
  await phone.getByLabel('Code').fill(code.toLowerCase());
  assert.equal(await submit(phone, 'Bekijken'), 200);
  const status = await phone.locator('main').innerText();
  assert.match(status, /Stand: Afgesloten/);
  assert.doesNotMatch(status, /Brouwer|Aangebeld/);
  await phone.context().close();
});

test('a trainer reads an attendance list and the coordinator sees coverage on its indicator', async () => {
  const trainer = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(trainer, PARTNER_USER);
  await trainer.goto('/deskundigheid/training');
  await trainer.getByRole('link', { name: 'Intervisie frontlinie' }).click();
  await trainer.locator('tbody a').first().click();
  const attended = async () =>
    Number((await trainer.locator('dd').filter({ hasText: ' / ' }).first().innerText()).split('/')[0]);
  const before = await attended();

  // A list with a partner that is not in the coalition: named with its line, nothing read.
  const wrong = await tempFile(demo.kompas.dir, 'fout.csv', 'naam;organisatie;rol\nNina Nieuw;Bakkerij Bol;Vrijwilliger\n');
  await trainer.getByLabel('Presentielijst (CSV)').setInputFiles(wrong);
  assert.equal(await submit(trainer, 'Lijst inlezen'), 422);
  assert.match(await trainer.locator('main').innerText(), /Regel 2.*Bakkerij Bol/s);

  await trainer.goBack();
  const right = await tempFile(demo.kompas.dir, 'goed.csv',
    'naam;organisatie;rol;wijk\nNina Nieuw;Welzijn Voorbeeld;Sociaal werker;Zuid-West\nOmar Oost;Welzijn Voorbeeld;vrijwilliger;Zuid-West\n');
  await trainer.getByLabel('Presentielijst (CSV)').setInputFiles(right);
  assert.equal(await submit(trainer, 'Lijst inlezen'), 200);
  assert.match(await trainer.locator('main').innerText(), /Nina Nieuw/);
  assert.equal(await attended(), before + 2);

  const coordinator = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(coordinator, BEHEERDER);
  await coordinator.goto('/deskundigheid/bereik');
  const lead = await coordinator.locator('.utrecht-paragraph--lead').innerText();
  const [, trained, total] = lead.match(/^(\d+) van de (\d+)/).map(Number);
  await coordinator.getByRole('link', { name: 'Getrainde mensen in de frontlinie' }).click();
  const year = new Date().getFullYear();
  const row = coordinator.getByRole('row', { name: new RegExp(`^${year} `) }).first();
  const shown = await row.innerText();
  // As the page writes it: one decimal with a comma, none when it is whole.
  const expected = (100 * trained / total).toFixed(1).replace('.', ',').replace(/,0$/, '');
  assert.match(shown, new RegExp(`${expected}%.*Trainingsregister`, 's'));
  assert.equal(await coordinator.locator('figure svg.kompas-chart').count() > 0, true);
  assert.match(await coordinator.locator('main').innerText(), /Uit het trainingsregister/);
});
