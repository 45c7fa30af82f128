// The main tasks of a beheerder and a partner, done the way a person does them: through the
// forms in a real demo.browser, against a fresh demo coalition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  demoServerAndBrowser,
  newPage,
  login,
  screenshot,
  seriousAxeViolations,
  describeViolations,
  tempFile,
  BEHEERDER,
  PARTNER_USER,
  submit,
} from './helpers.mjs';

const demo = demoServerAndBrowser();

async function beheerderPage() {
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(page, BEHEERDER);
  return page;
}

/** Submits the form the given button belongs to and returns the final response status. */

const HEADER = 'gwb_code;regio;recs;a_inw;a_65_oo;a_1p_hh\n';

/** Uploads CSV text on the import page and returns the response status. */
async function importCsv(page, name, csv) {
  await page.goto('/gebieden/importeren');
  await page.getByLabel('CSV-bestand').setInputFiles(await tempFile(demo.kompas.dir, name, csv));
  return submit(page, 'Inlezen');
}

/** The text of the cells of the table row whose cells include `code`. */
async function rowCells(page, code) {
  const row = page.locator('tbody tr', { has: page.locator('td', { hasText: code }) });
  assert.equal(await row.count(), 1, `expected exactly one row for ${code}`);
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

test('a beheerder logs in through the form and sees the overview', async () => {
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
  await page.goto('/');
  assert.match(new URL(page.url()).pathname, /^\/inloggen$/, 'not signed in: sent to the login');

  // A wrong password gives a Dutch error and keeps the e-mail address.
  await page.getByLabel('E-mailadres', { exact: true }).fill(BEHEERDER.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
  assert.equal(await submit(page, 'Inloggen'), 401);
  await assert.doesNotReject(
    page.getByRole('alert').filter({ hasText: 'Het e-mailadres of het wachtwoord klopt niet.' }).waitFor(),
  );
  assert.equal(await page.getByLabel('E-mailadres', { exact: true }).inputValue(), BEHEERDER.email);

  await page.getByLabel('Wachtwoord', { exact: true }).fill(BEHEERDER.password);
  assert.equal(await submit(page, 'Inloggen'), 200);
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Gemeente Voorbeeld');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  assert.equal(await nav.getByRole('link', { name: 'Overzicht' }).getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('a.kompas-header__section', { hasText: 'Beheer' }).count(), 1,
    'beheerder sees Beheer, beside the name');
  assert.equal(await page.getByRole('link', { name: 'Anouk de Vries' }).count(), 1);
  const steps = page.locator('.kompas-steps__item');
  assert.ok((await steps.count()) >= 4, 'the cycle steps are listed');
  assert.match(await steps.first().innerText(), /10 actieve partners \(van 10\)/);
  await screenshot(page, 'overview');
  await page.context().close();
});

test('a beheerder adds a partner; a missing name is explained and typed values are kept', async () => {
  const page = await beheerderPage();
  await page.goto('/partners');
  await page.getByRole('link', { name: 'Partner toevoegen' }).click();
  assert.equal(new URL(page.url()).pathname, '/partners/nieuw');

  await page.getByLabel('Soort organisatie').selectOption('bewonersinitiatief');
  await page.getByLabel(/^Contactpersoon/).fill('Ilse de Wit');
  await page.getByLabel('E-mailadres contactpersoon').fill('ilse@debrug.example');
  await page.getByLabel('Mandaat').fill('Mag zelf afspraken maken over de inloop.');
  assert.equal(await submit(page, 'Opslaan'), 422);

  const summary = page.getByRole('alert');
  assert.match(await summary.innerText(), /Niet alles is goed ingevuld/);
  assert.match(await summary.innerText(), /Naam: Vul dit in\./);
  const name = page.getByLabel('Naam', { exact: true });
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#veld-name-error').innerText(), 'Vul dit in.');
  // Screen readers hear the error with the field, and the hint with its field.
  assert.equal(await name.getAttribute('aria-describedby'), 'veld-name-hint veld-name-error');
  assert.equal(await page.getByLabel('Mandaat').getAttribute('aria-describedby'), 'veld-mandate-hint');
  // The summary links to the field it is about.
  await summary.getByRole('link', { name: /Naam/ }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'veld-name');
  // Everything else the user typed is still there.
  assert.equal(await page.getByLabel('Soort organisatie').inputValue(), 'bewonersinitiatief');
  assert.equal(await page.getByLabel(/^Contactpersoon/).inputValue(), 'Ilse de Wit');
  assert.equal(await page.getByLabel('E-mailadres contactpersoon').inputValue(), 'ilse@debrug.example');
  assert.equal(await page.getByLabel('Mandaat').inputValue(), 'Mag zelf afspraken maken over de inloop.');
  assert.equal(await page.getByLabel('Doet actief mee').isChecked(), true);
  await screenshot(page, 'form-with-errors');

  await name.fill('Buurtkamer De Brug');
  assert.equal(await submit(page, 'Opslaan'), 200);
  assert.match(new URL(page.url()).pathname, /^\/partners\/\d+$/);
  assert.equal(await page.getByRole('status').innerText(), 'De wijzigingen zijn opgeslagen.');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Buurtkamer De Brug');
  const facts = await page.locator('.kompas-facts').innerText();
  assert.match(facts, /Bewonersinitiatief/);
  assert.match(facts, /Ilse de Wit/);
  assert.match(facts, /Mag zelf afspraken maken over de inloop\./);

  await page.getByRole('link', { name: 'Terug naar alle partners' }).click();
  assert.equal(await page.getByRole('link', { name: 'Buurtkamer De Brug' }).count(), 1);
  await page.context().close();
});

test('importing areas: a bad file changes nothing, a good file updates the numbers', async () => {
  const page = await beheerderPage();
  await page.goto('/gebieden');
  assert.deepEqual((await rowCells(page, 'BU99990101')).slice(0, 5),
    ['BU99990101', 'Binnenstad', 'buurt', 'WK999901', '3.820']);

  // Line 2 would be a valid change; lines 3 and 4 are wrong, so nothing may be saved.
  const bad = HEADER +
    'BU99990101;Binnenstad;Buurt;3900;610;1450\n' +
    'BU99990102;Stationskwartier;Buurt;veel;390;1180\n' +
    'BU99990101;Binnenstad;Buurt;3900;610;1450\n';
  assert.equal(await importCsv(page, 'fout.csv', bad), 422);
  const problems = page.getByRole('alert');
  assert.match(await problems.innerText(), /Het bestand is niet ingelezen\./);
  const items = (await problems.getByRole('listitem').allInnerTexts()).join('\n');
  assert.match(items, /Regel 3[^\n]*veel is geen getal/);
  assert.match(items, /Regel 4[^\n]*BU99990101 staat twee keer/);
  assert.doesNotMatch(items, /Regel 2\b/, 'the good line is not reported');
  // The form is there again to try once more.
  assert.equal(await page.getByLabel('CSV-bestand').count(), 1);
  await screenshot(page, 'import-with-errors');

  await page.goto('/gebieden');
  assert.equal((await rowCells(page, 'BU99990101'))[4], '3.820', 'nothing changed after the bad file');

  const good = HEADER +
    'BU99990101;Binnenstad;Buurt;3900;610;1450\n' +
    'BU99990102;Stationskwartier;Buurt;2950;390;1180\n';
  assert.equal(await importCsv(page, 'goed.csv', good), 200);
  assert.equal(new URL(page.url()).pathname, '/gebieden');
  assert.match(await page.getByRole('status').first().innerText(),
    /Gebieden ingelezen: 0 nieuw, 1 gewijzigd, 1 ongewijzigd\./);
  assert.equal((await rowCells(page, 'BU99990101'))[4], '3.900');
  assert.equal((await rowCells(page, 'BU99990102'))[4], '2.950');
  await page.context().close();
});

test('the audit log shows who changed what, old and new, and filters by kind', async () => {
  const page = await beheerderPage();
  // Changes of its own, so this test does not depend on the order of the others.
  await page.goto('/partners/nieuw');
  await page.getByLabel('Naam', { exact: true }).fill('Logboekpartner');
  await page.getByLabel('Soort organisatie').selectOption('welzijn');
  assert.equal(await submit(page, 'Opslaan'), 200);
  assert.equal(await importCsv(page, 'molenwijk.csv', HEADER + 'BU99990202;Molenwijk;Buurt;5301;880;1040\n'), 200);

  await page.goto('/beheer');
  await page.getByRole('link', { name: 'Logboek' }).click();
  assert.equal(new URL(page.url()).pathname, '/beheer/logboek');
  const rows = page.locator('tbody tr');

  const partnerRow = rows.filter({ hasText: 'Logboekpartner' });
  assert.equal(await partnerRow.count(), 1, 'the partner creation is logged once');
  const partnerCells = await partnerRow.locator('td').allInnerTexts();
  assert.equal(partnerCells[1], 'Anouk de Vries');
  assert.equal(partnerCells[2], 'toegevoegd (partner)');
  assert.match(partnerCells[0], /^\d{1,2} [a-z]+ \d{4}, \d{2}:\d{2}$/);  // "30 november 2026, 14:05"

  const areaRow = rows.filter({ hasText: 'Molenwijk' }).filter({ hasText: 'gewijzigd (gebied)' });
  assert.equal(await areaRow.count(), 1, 'the area change is logged once');
  const areaCells = await areaRow.locator('td').allInnerTexts();
  assert.equal(areaCells[2], 'gewijzigd (gebied)');
  const change = areaRow.locator('.kompas-changes li').filter({ has: page.locator('del', { hasText: '5.230' }) });
  assert.equal(await change.count(), 1, `old value 5230 shown: ${areaCells[4]}`);
  assert.equal(await change.locator('ins').innerText(), '5.301');
  await screenshot(page, 'audit-log', { fullPage: false });

  const totalBefore = await page.locator('.kompas-count').innerText();
  await page.getByLabel('Soort gegeven').selectOption('gebied');
  assert.equal(await submit(page, 'Filteren'), 200);
  assert.equal(new URL(page.url()).searchParams.get('soort'), 'gebied');
  assert.equal(await page.getByLabel('Soort gegeven').inputValue(), 'gebied', 'the filter stays chosen');
  const kinds = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
  assert.ok(kinds.length > 0, 'area changes are listed');
  for (const kind of kinds) assert.match(kind, /\(gebied\)$/);
  assert.equal(await page.locator('tbody tr', { hasText: 'Logboekpartner' }).count(), 0);
  assert.notEqual(await page.locator('.kompas-count').innerText(), totalBefore);

  await page.getByLabel('Soort gegeven').selectOption('partner');
  await submit(page, 'Filteren');
  assert.equal(await page.locator('tbody tr', { hasText: 'Logboekpartner' }).count(), 1);
  assert.equal(await page.locator('tbody tr', { hasText: 'Molenwijk' }).count(), 0);
  for (const kind of await page.locator('tbody tr td:nth-child(3)').allInnerTexts())
    assert.match(kind, /\(partner\)$/);
  await page.context().close();
});

test('a partner edits its own organisation but not another one', async () => {
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(page, PARTNER_USER);
  assert.equal(await page.locator('a.kompas-header__section', { hasText: 'Beheer' }).count(), 0,
    'no Beheer for partners');

  await page.goto('/partners');
  await page.getByRole('link', { name: PARTNER_USER.partner, exact: true }).click();
  const ownPath = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Gegevens wijzigen' }).click();
  assert.equal(new URL(page.url()).pathname, `${ownPath}/bewerken`);
  await page.getByLabel(/^Contactpersoon/).fill('Mohamed El Amrani');
  await page.getByLabel('Belangen').fill('Meer inwoners bereiken via de huisartsen.');
  assert.equal(await submit(page, 'Opslaan'), 200);
  assert.equal(new URL(page.url()).pathname, ownPath);
  assert.equal(await page.getByRole('status').innerText(), 'De wijzigingen zijn opgeslagen.');
  assert.match(await page.locator('.kompas-facts').innerText(), /Meer inwoners bereiken via de huisartsen\./);
  const csrf = await page.locator('form[action="/uitloggen"] input[name="_csrf"]').inputValue();

  // Another partner: readable, but no edit link, and the edit page is refused.
  await page.goto('/partners');
  await page.getByRole('link', { name: 'Thuiszorg De Linde' }).click();
  const otherPath = new URL(page.url()).pathname;
  assert.notEqual(otherPath, ownPath);
  assert.equal(await page.getByRole('link', { name: 'Gegevens wijzigen' }).count(), 0);
  const res = await page.goto(`${otherPath}/bewerken`);
  assert.equal(res.status(), 403);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Dat lukt niet');
  assert.match(await page.getByRole('alert').innerText(), /U heeft geen rechten/);
  assert.equal(await page.locator('form[action]').filter({ has: page.locator('#veld-name') }).count(), 0);

  // Posting straight to it, with a valid session token, is refused too and changes nothing.
  const post = await page.request.post(otherPath, {
    form: { _csrf: csrf, name: 'Overgenomen', type: 'zorg', active: '1' },
    maxRedirects: 0,
  });
  assert.equal(post.status(), 403);
  await page.goto(otherPath);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Thuiszorg De Linde');

  // And the beheerder-only pages are closed.
  assert.equal((await page.goto('/partners/nieuw')).status(), 403);
  assert.equal((await page.goto('/beheer/logboek')).status(), 403);
  await page.context().close();
});

test('uploading a survey: preview first, a bad answer explained, then stored and shown', async () => {
  const page = await beheerderPage();
  const header = 'respondent;buurt;leeftijd;djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;djg10;djg11\n';
  let rows = '';
  for (let i = 0; i < 120; i++) {
    const answers = Array.from({ length: 11 }, (_, k) => ['ja', 'nee', 'min of meer'][(i + k * i) % 3]);
    rows += `${i + 1};BU99990${101 + (i % 3)};${20 + (i % 70)};${answers.join(';')}\n`;
  }
  const fill = async (csv) => {
    await page.goto('/verkennen/metingen/nieuw');
    await page.getByLabel('CSV-bestand met de antwoorden').setInputFiles({
      name: 'enquete.csv', mimeType: 'text/csv', buffer: Buffer.from(csv),
    });
    await page.getByLabel('Naam van de meting').fill('Enquête uit de browser');
    await page.getByLabel('Jaar').fill('2026');
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Bekijk eerst de eerste regels' }).click(),
    ]);
    return response.status();
  };
  assert.equal(await fill(header + rows.replace('\n2;', '\n2;BU99990101;30;ja;ja;misschien;ja;ja;ja;ja;ja;ja;ja;ja\nX;')), 422);
  assert.match(await page.getByRole('alert').innerText(), /misschien in kolom djg3/);

  assert.equal(await fill(header + rows), 200);
  assert.match(await page.locator('h1').innerText(), /Klopt dit\?/);
  assert.match(await page.locator('main').innerText(), /respondent/, 'the unused column is named');
  await screenshot(page, 'survey-preview');
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Ja, sla de meting op' }).click(),
  ]);
  assert.match(new URL(page.url()).pathname, /^\/verkennen\/metingen\/\d+$/);
  assert.match(await page.getByRole('status').first().innerText(), /De meting is opgeslagen/);
  assert.equal(await page.locator('h1').innerText(), 'Enquête uit de browser');
  assert.ok(await page.locator('svg.kompas-chart').count() > 0, 'a chart is drawn');
  await page.context().close();
});

test('a coordinator writes an ambition, adds an indicator and a value, and sees its status', async () => {
  const page = await beheerderPage();
  await page.goto('/doelen/nieuw');
  await page.getByLabel('Korte naam').fill('Jongeren vinden aansluiting');
  await page.getByLabel('Ambitie', { exact: true }).fill('Over drie jaar willen we dat jongeren in Oost ergens bij horen.');
  await page.getByLabel('Doelgroep').selectOption('jongeren');
  await page.getByLabel('Oost').check();
  await page.getByLabel('Stand').selectOption('vastgesteld');
  await submit(page, 'Opslaan');
  assert.match(await page.getByRole('status').first().innerText(), /opgeslagen/);
  assert.equal(await page.locator('h1').innerText(), 'Jongeren vinden aansluiting');
  assert.match(await page.locator('main').innerText(), /Oost/);

  await page.getByRole('link', { name: 'Indicator toevoegen' }).click();
  await page.getByLabel('Naam').fill('Jongeren bij de jongerenwerker');
  await page.getByLabel('Soort').selectOption('activiteit');
  await page.getByLabel(/^Vraag/).selectOption('hoeveel');
  await page.getByLabel('Eenheid').selectOption('aantal');
  await page.getByLabel('Wat is beter?').selectOption('hoger');
  await page.getByLabel(/^Beginwaarde/).fill('40');
  await page.getByLabel(/^Datum van de beginwaarde/).fill('2025-01-01');
  await page.getByLabel('Streefwaarden').fill('2027: 100');
  await submit(page, 'Opslaan');
  assert.equal(await page.locator('h1').innerText(), 'Jongeren bij de jongerenwerker');
  assert.match(await page.locator('.kompas-status-box').innerText(), /Nog geen vergelijking/);

  await page.getByLabel('Jaar', { exact: true }).fill('2026');
  await page.getByLabel(/^Waarde/).fill('80');
  await submit(page, 'Waarde opslaan');
  assert.match(await page.locator('.kompas-status-box').innerText(), /Op koers/);
  assert.ok(await page.locator('svg.kompas-chart').count() > 0, 'the turn-the-curve chart is drawn');
  await screenshot(page, 'indicator-new');
  await page.context().close();
});

test('a partner records a contribution on its own page and sees it in the matrix', async () => {
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(page, PARTNER_USER);
  await page.goto('/partners');
  await page.getByRole('link', { name: PARTNER_USER.partner, exact: true }).click();
  await page.getByRole('link', { name: 'Bijdrage toevoegen' }).click();
  // A partner can only choose its own organisation.
  assert.deepEqual(await page.getByLabel('Partner', { exact: true }).locator('option').allInnerTexts(),
    ['Maak een keuze', PARTNER_USER.partner]);
  await page.getByLabel('Partner', { exact: true }).selectOption({ label: PARTNER_USER.partner });
  await page.getByLabel('Ambitie').selectOption({ label: 'Mantelzorgers blijven niet alleen' });
  await page.getByLabel(/^Wat draagt de partner bij/).fill('Opbouwwerker organiseert een mantelzorgcafé');
  await page.getByLabel(/^Uren/).fill('120');
  await page.getByLabel('Stand').selectOption('afgesproken');
  assert.equal(await submit(page, 'Opslaan'), 422, 'an agreed contribution needs its date');
  assert.match(await page.locator('main').innerText(), /Vul in wanneer dit is afgesproken/);
  await page.getByLabel(/^Afgesproken op/).fill('2026-11-01');
  assert.equal(await submit(page, 'Opslaan'), 200);
  assert.equal(new URL(page.url()).pathname, '/wie-doet-wat/bijdragen');
  assert.match(await page.locator('table').innerText(), /mantelzorgcafé/);
  await page.goto('/partners');
  await page.getByRole('link', { name: PARTNER_USER.partner, exact: true }).click();
  assert.match(await page.locator('main').innerText(), /mantelzorgcafé/);
  assert.match(await page.locator('main').innerText(), /120 uur/);
  await page.context().close();
});

test('the plan prints on A4 without navigation or forms', async () => {
  const page = await beheerderPage();
  await page.goto('/plan');
  assert.match(await page.locator('h1').innerText(), /^Lokale aanpak eenzaamheid Gemeente Voorbeeld/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav.kompas-nav').isVisible(), false, 'no navigation on paper');
  assert.equal(await page.locator('.kompas-downloads').isVisible(), false, 'no download links on paper');
  assert.ok(await page.locator('svg.kompas-chart').count() >= 4, 'the charts are printed');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, 'a real document');
  // Nothing is cut off on the right: every column header of every table is in the PDF's text
  // (pdftotext drops what falls outside the page). Whitespace is ignored: narrow columns wrap.
  const headers = await page.locator('.kompas-plan th[scope="col"]').allInnerTexts();
  assert.ok(headers.length > 20, 'the plan has its tables');
  const pdfPath = await tempFile(demo.kompas.dir, 'plan.pdf', pdf);
  const { stdout } = await promisify(execFile)('pdftotext', ['-raw', pdfPath, '-']);
  const squeeze = (text) => text.replace(/[\s\u00ad-]+/g, '');
  const printed = squeeze(stdout);
  const missing = headers.filter((h) => h.trim() && !printed.includes(squeeze(h)));
  assert.deepEqual(missing, [], 'column headers cut off the printed page');
  for (const words of [/Beginwaarde: /, /Streefwaarden: /, /Laatste waarde: /, /Concept, stand van \d+ \p{L}+ \d{4}\./u])
    assert.match(stdout.replace(/\s+/g, ' '), words);
  await screenshot(page, 'plan-print');
  await page.context().close();
});

test('the beheerder switches the public dashboard on; anyone sees it without logging in', async () => {
  const page = await beheerderPage();
  await page.goto('/openbaar/GM9999');
  await page.goto('/beheer');
  await page.getByLabel('Openbare pagina aan').check();
  assert.equal(await submit(page, 'Opslaan'), 200);
  await page.context().close();

  const visitor = await newPage(demo.browser, demo.kompas.baseUrl);
  const response = await visitor.goto('/openbaar/GM9999');
  assert.equal(response.status(), 200);
  assert.match(await visitor.locator('h1').innerText(), /Gemeente Voorbeeld/);
  assert.ok(await visitor.locator('svg.kompas-chart').count() > 0, 'charts are shown');
  assert.doesNotMatch(await visitor.locator('main').innerText(), /Anouk de Vries/);
  const violations = await seriousAxeViolations(visitor);
  assert.equal(violations.length, 0, describeViolations('axe on the public dashboard', violations));
  await screenshot(visitor, 'dashboard');
  await visitor.context().close();
});
