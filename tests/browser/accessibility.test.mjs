// axe-core on every page reachable from the navigation and on the forms, also with their error
// states, plus a check that nothing sticks out sideways on a 360 px wide phone screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  demoServerAndBrowser,
  newPage,
  login,
  seriousAxeViolations,
  describeViolations,
  horizontalOverflow,
  smallTargets,
  overflowingElements,
  screenshot,
  BEHEERDER,
  submit,
  textSpacingProblems,
} from './helpers.mjs';

let page;
const demo = demoServerAndBrowser(async ({ kompas, browser }) => {
  page = await newPage(browser, kompas.baseUrl);
});

async function clickAndWait(name) {
  return submit(page, name);
}

/** Follows the link with this exact name; returns the HTTP status of the page it opens. */
async function openLink(name) {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.getByRole('link', { name, exact: true }).first().click(),
  ]);
  return response.status();
}

/** The href of the first link in the table body (a detail or edit page of a real record). */
async function firstRowLink(listPath) {
  await page.goto(listPath);
  const href = await page.locator('tbody a').first().getAttribute('href');
  assert.ok(href, `a record link on ${listPath}`);
  return href;
}

/** Starts a check round for the first demo activity through its form; returns the round's path. */
async function startRound() {
  await page.goto('/kwaliteit/activiteiten/1/ronde');
  assert.equal(await clickAndWait('Nieuwe ronde starten'), 200);
  return new URL(page.url()).pathname;
}

/**
 * Every page to check: a name, a path, the expected status and optionally what to do there
 * first (submit a form with mistakes). `signedIn: false` pages are checked before logging in.
 */
const PAGES = [
  { name: 'login', path: '/inloggen', signedIn: false },
  {
    name: 'login with an error', path: '/inloggen', signedIn: false, status: 401,
    prepare: async () => {
      await page.getByLabel('E-mailadres').fill('onbekend@voorbeeld.example');
      await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
      return clickAndWait('Inloggen');
    },
  },
  { name: 'public kennisbank', path: '/openbaar/GM9999/kennisbank', signedIn: false },
  { name: 'public kennisbank article', path: '/openbaar/GM9999/kennisbank/signalen-herkennen', signedIn: false, shot: 'public-article' },
  { name: 'public sociale kaart searched', path: '/openbaar/GM9999/kaart?wijk=WK999904&mate=ernstig', signedIn: false, shot: 'public-map' },
  { name: 'public gesprekskaart for a wijk', path: '/openbaar/GM9999/gesprekskaart?wijk=WK999902', signedIn: false, shot: 'public-card' },
  {
    name: 'public correction form with errors', path: '/openbaar/GM9999/kaart?q=Telefooncirkel', signedIn: false, status: 422,
    prepare: async () => {
      await openLink('Telefooncirkel');
      await openLink('Klopt er iets niet? Laat het weten');
      return clickAndWait('Versturen');
    },
  },
  {
    name: 'public signal form with errors', path: '/openbaar/GM9999/signaal', signedIn: false, status: 422,
    shot: 'public-signal', prepare: async () => clickAndWait('Doorgeven'),
  },
  {
    name: 'public signal status', path: '/openbaar/GM9999/signaal/status', signedIn: false, shot: 'signal-status',
    prepare: async () => {
      await page.getByLabel('Code').fill('demo-0004');
      return clickAndWait('Bekijken');
    },
  },
  { name: 'not found (unknown address)', path: '/bestaat-niet', status: 404 },
  { name: 'not found (unknown partner)', path: '/partners/999999', status: 404 },
  { name: 'overview', path: '/', shot: 'overview' },
  { name: 'mijn organisatie', path: '/mijn-organisatie', shot: 'mine' },
  { name: 'verkennen', path: '/verkennen' },
  { name: 'doelen', path: '/doelen', shot: 'doelen' },
  { name: 'ambition (demo)', path: '/doelen/1' },
  { name: 'ambition new', path: '/doelen/nieuw' },
  {
    name: 'ambition new with errors', path: '/doelen/nieuw', status: 422,
    prepare: async () => {
      await page.getByLabel('Korte naam').fill('');
      return clickAndWait('Opslaan');
    },
  },
  { name: 'ambition versions', path: '/doelen/1/versies' },
  { name: 'indicator (survey figures)', path: '/indicatoren/1', shot: 'indicator' },
  { name: 'indicator (activity measure)', path: '/indicatoren/2' },
  { name: 'indicator new', path: '/doelen/1/indicatoren/nieuw' },
  { name: 'values import', path: '/doelen/waarden-inlezen' },
  {
    name: 'values import with errors', path: '/doelen/waarden-inlezen', status: 422,
    prepare: async () => {
      await page.getByLabel('CSV-bestand met waarden').setInputFiles({
        name: 'waarden.csv', mimeType: 'text/csv', buffer: Buffer.from('indicator;jaar;waarde\n999;2025;veel\n'),
      });
      return clickAndWait('Inlezen');
    },
  },
  {
    name: 'indicator value with errors', path: '/indicatoren/2', status: 422,
    prepare: async () => {
      await page.getByLabel('Jaar', { exact: true }).fill('vorig jaar');
      return clickAndWait('Waarde opslaan');
    },
  },
  { name: 'wie doet wat', path: '/wie-doet-wat', shot: 'activities' },
  { name: 'activities filtered', path: '/wie-doet-wat?graad=matig&gebied=WK999902' },
  { name: 'activity', path: '/wie-doet-wat/activiteiten/1' },
  { name: 'activity new', path: '/wie-doet-wat/activiteiten/nieuw' },
  {
    name: 'activity new with errors', path: '/wie-doet-wat/activiteiten/nieuw', status: 422,
    prepare: async () => clickAndWait('Opslaan'),
  },
  { name: 'coverage', path: '/wie-doet-wat/dekking', shot: 'coverage' },
  { name: 'contributions matrix', path: '/wie-doet-wat/bijdragen', shot: 'matrix' },
  { name: 'contribution new', path: '/wie-doet-wat/bijdragen/nieuw' },
  { name: 'contribution edit', path: '/wie-doet-wat/bijdragen/1/bewerken' },
  { name: 'ambition delete, refused', path: '/doelen/1/verwijderen' },
  { name: 'indicator delete confirmation', path: '/indicatoren/1/verwijderen' },
  { name: 'quality', path: '/kwaliteit', shot: 'quality' },
  { name: 'quality questions', path: '/kwaliteit/vragen' },
  { name: 'quality picture', path: '/kwaliteit/beeld', shot: 'quality-picture' },
  { name: 'quality of an activity', path: '/kwaliteit/activiteiten/1' },
  { name: 'self-scans', path: '/kwaliteit/zelfscan' },
  {
    name: 'self-scan of last year (demo)',
    path: `/kwaliteit/zelfscan/${new Date().getFullYear() - 1}`, shot: 'self-scan',
  },
  {
    name: 'self-scan form with errors', status: 422, shot: 'self-scan-form',
    path: async () => {
      await page.goto('/kwaliteit/zelfscan');
      await clickAndWait('Zelfscan beginnen');
      return new URL(page.url()).pathname;
    },
    prepare: async () => {
      await page.locator('input[name="q_wethouder"][value="6"]').check();
      return clickAndWait('Zelfscan afronden');
    },
  },
  { name: 'collaboration and terms', path: '/kwaliteit/samenwerking' },
  { name: 'results', path: '/resultaten', shot: 'results' },
  { name: 'results filtered', path: '/resultaten?ambitie=1' },
  { name: 'meetings', path: '/verbetercyclus', shot: 'meetings' },
  { name: 'meeting held, with decisions (demo)', path: '/verbetercyclus/overleggen/1', shot: 'meeting' },
  { name: 'meeting planned, with the proposed agenda (demo)', path: '/verbetercyclus/overleggen/3', shot: 'meeting-proposal' },
  { name: 'meeting minutes', path: '/verbetercyclus/overleggen/1/notulen' },
  { name: 'yearly reports', path: '/verbetercyclus/jaarverslag' },
  { name: 'yearly report, this year beside the closed year', path: `/verbetercyclus/jaarverslag/${new Date().getFullYear()}`, shot: 'report' },
  { name: 'yearly report, closed year (demo)', path: `/verbetercyclus/jaarverslag/${new Date().getFullYear() - 1}` },
  { name: 'meeting new', path: '/verbetercyclus/overleggen/nieuw' },
  { name: 'agenda item record', path: '/verbetercyclus/punten/1' },
  {
    name: 'agenda item record with errors', path: '/verbetercyclus/punten/2', status: 422,
    prepare: async () => {
      await page.getByLabel('Klaar op').fill('');
      return clickAndWait('Opslaan');
    },
  },
  { name: 'term new', path: '/kwaliteit/begrippen/nieuw' },
  { name: 'round start', path: '/kwaliteit/activiteiten/1/ronde' },
  { name: 'round with its team', path: startRound, shot: 'round' },
  { name: 'round close confirmation', path: async () => `${await startRound()}/sluiten` },
  {
    name: 'check answers with errors', path: async () => `${await startRound()}/invullen`, status: 422,
    shot: 'answers',
    prepare: async () => {
      await page.locator('input[name="q_bezigheden"][value="7"]').check();
      await page.locator('input[name="q_ontmoeten"][value="nvt"]').check();
      return clickAndWait('Inleveren');
    },
  },
  {
    name: 'round scores', shot: 'scores',
    path: async () => {
      const round = await startRound();
      await page.goto(`${round}/invullen`);
      for (const radio of await page.locator('input[type="radio"][value="7"]').all()) await radio.check();
      assert.equal(await clickAndWait('Inleveren'), 200);
      return `${round}/overzicht`;
    },
  },
  { name: 'actions', path: '/acties', shot: 'actions' },
  { name: 'plan document', path: '/plan', shot: 'plan' },
  { name: 'action', path: '/acties/1' },
  { name: 'action new', path: '/acties/nieuw' },
  { name: 'partners list', path: '/partners', shot: 'partners-list' },
  { name: 'partners list, searched and sorted', path: '/partners?q=voorbeeld&sorteer=type&richting=af' },
  { name: 'partner detail', path: async () => firstRowLink('/partners') },
  { name: 'partner new', path: '/partners/nieuw' },
  {
    name: 'partner new with errors', path: '/partners/nieuw', status: 422,
    prepare: async () => {
      await page.getByLabel(/^E-mailadres contactpersoon/).fill('geen-adres');
      return clickAndWait('Opslaan');
    },
  },
  { name: 'partner edit', path: async () => `${await firstRowLink('/partners')}/bewerken` },
  { name: 'people list', path: '/mensen' },
  { name: 'person new', path: '/mensen/nieuw' },
  {
    name: 'person new with errors', path: '/mensen/nieuw', status: 422,
    prepare: async () => clickAndWait('Opslaan'),
  },
  { name: 'person edit', path: async () => firstRowLink('/mensen') },
  { name: 'areas list', path: '/gebieden' },
  { name: 'areas import', path: '/gebieden/importeren' },
  {
    name: 'areas import with errors', path: '/gebieden/importeren', status: 422,
    prepare: async () => {
      await page.getByLabel('CSV-bestand').setInputFiles({
        name: 'fout.csv', mimeType: 'text/csv',
        buffer: Buffer.from('gwb_code;regio\nBU123;Nergens\n;Leeg\n'),
      });
      return clickAndWait('Inlezen');
    },
  },
  { name: 'survey (demo, with map and published figures)', path: '/verkennen/metingen/2', shot: 'survey' },
  { name: 'survey, other indicator', path: '/verkennen/metingen/2?indicator=ernstig_eenzaam' },
  { name: 'survey upload', path: '/verkennen/metingen/nieuw' },
  {
    name: 'survey upload with errors', path: '/verkennen/metingen/nieuw', status: 422,
    prepare: async () => clickAndWait('Bekijk eerst de eerste regels'),
  },
  { name: 'survey delete confirmation', path: '/verkennen/metingen/1/verwijderen' },
  { name: 'trend', path: '/verkennen/trend?gebied=WK999902', shot: 'trend' },
  { name: 'published figures', path: '/verkennen/cijfers' },
  { name: 'published figures import', path: '/verkennen/cijfers/importeren' },
  { name: 'boundaries import', path: '/gebieden/kaart' },
  { name: 'beheer', path: '/beheer' },
  {
    name: 'beheer with errors', path: '/beheer', status: 422,
    prepare: async () => {
      await page.locator('#veld-name').fill('');
      return clickAndWait('Opslaan');
    },
  },
  { name: 'deskundigheid', path: '/deskundigheid' },
  { name: 'sociale kaart', path: '/deskundigheid/kaart', shot: 'map' },
  { name: 'sociale kaart unknown postcode', path: '/deskundigheid/kaart?postcode=1111' },
  { name: 'sociale kaart files', path: '/deskundigheid/kaart/bestanden' },
  { name: 'gesprekskaart with the places chosen', path: '/deskundigheid/gesprekskaart', shot: 'card' },
  { name: 'sociale kaart upkeep with a correction waiting', path: '/deskundigheid/kaart/onderhoud', shot: 'upkeep' },
  {
    name: 'sociale kaart service kept by the beheerder', path: '/deskundigheid/kaart?q=Telefooncirkel', shot: 'map-service',
    prepare: async () => openLink('Telefooncirkel'),
  },
  {
    name: 'sociale kaart service edit with errors', path: '/deskundigheid/kaart?q=Telefooncirkel', status: 422,
    prepare: async () => {
      await openLink('Telefooncirkel');
      await openLink('Wijzigen');
      await page.locator('#veld-opens_at').fill('25.00');
      return clickAndWait('Opslaan');
    },
  },
  { name: 'signaalpunt', path: '/signaalpunt', shot: 'signals' },
  { name: 'signal form', path: '/signaalpunt/nieuw' },
  { name: 'signal routes', path: '/signaalpunt/routes', shot: 'signal-routes' },
  { name: 'kennisbank', path: '/deskundigheid/kennisbank', shot: 'kennisbank' },
  { name: 'kennisbank searched', path: '/deskundigheid/kennisbank?q=gordijnen' },
  { name: 'kennisbank article', path: '/deskundigheid/kennisbank/het-gesprek-voeren', shot: 'article' },
  { name: 'kennisbank article edit', path: '/deskundigheid/kennisbank/het-gesprek-voeren/bewerken' },
  {
    name: 'kennisbank article preview', path: '/deskundigheid/kennisbank/het-gesprek-voeren/bewerken',
    shot: 'article-preview', prepare: async () => clickAndWait('Voorbeeld bekijken'),
  },
  {
    name: 'kennisbank new article with errors', path: '/deskundigheid/kennisbank/nieuw', status: 422,
    prepare: async () => clickAndWait('Opslaan'),
  },
  { name: 'kennisbank article versions', path: '/deskundigheid/kennisbank/het-gesprek-voeren/versies' },
  { name: 'kennisbank article version', path: '/deskundigheid/kennisbank/het-gesprek-voeren/versies/1' },
  { name: 'trainings', path: '/deskundigheid/training' },
  { name: 'training', path: '/deskundigheid/training/1' },
  {
    name: 'training new with errors', path: '/deskundigheid/training/nieuw', status: 422,
    prepare: async () => clickAndWait('Opslaan'),
  },
  { name: 'training session', path: '/deskundigheid/sessies/1', shot: 'session' },
  {
    name: 'training session, participant with errors', path: '/deskundigheid/sessies/1', status: 422,
    prepare: async () => clickAndWait('Deelnemer toevoegen'),
  },
  { name: 'training session new', path: '/deskundigheid/training/1/sessies/nieuw' },
  { name: 'training coverage', path: '/deskundigheid/bereik', shot: 'coverage' },
  {
    name: 'frontline numbers with errors', path: '/deskundigheid/aantallen', status: 422,
    shot: 'counts', prepare: async () => clickAndWait('Opslaan'),
  },
  { name: 'audit log', path: '/beheer/logboek' },
  { name: 'audit log, filtered', path: '/beheer/logboek?soort=gebied&persoon=niemand&van=2020-01-01&tot=2020-01-02' },
  { name: 'profile', path: '/profiel' },
  {
    name: 'profile with errors', path: '/profiel', status: 422,
    prepare: async () => clickAndWait('Wachtwoord wijzigen'),
  },
];

const ENGLISH = [
  { name: 'overview (English)', path: '/', lang: 'en', shot: 'overview-en' },
  { name: 'partners list (English)', path: '/partners', lang: 'en' },
  { name: 'survey (English)', path: '/verkennen/metingen/2', lang: 'en' },
  { name: 'indicator (English)', path: '/indicatoren/1', lang: 'en' },
  { name: 'kennisbank article (English)', path: '/deskundigheid/kennisbank/doorverwijzen', lang: 'en' },
  {
    name: 'partner new with errors (English)', path: '/partners/nieuw', lang: 'en', status: 422,
    prepare: async () => clickAndWait('Save'),
  },
];

async function check(entry) {
  const path = typeof entry.path === 'function' ? await entry.path() : entry.path;
  const response = await page.goto(path);
  let status = response.status();
  if (entry.prepare) status = await entry.prepare();
  assert.equal(status, entry.status ?? 200, `${entry.name}: HTTP status of ${path}`);
  assert.equal(await page.getAttribute('html', 'lang'), entry.lang ?? 'nl');
  assert.ok((await page.title()).length > 0, 'the page has a title');
  assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'exactly one h1');

  const problems = [];
  const violations = await seriousAxeViolations(page);
  if (violations.length)
    problems.push(describeViolations(`axe found serious or critical problems on ${entry.name} (${path})`, violations));
  if (entry.shot) await screenshot(page, entry.shot);

  // The same page on a small phone: no sideways scrolling of the whole page.
  await page.setViewportSize({ width: 360, height: 740 });
  // Some rules only apply on a small screen (a table that scrolls sideways must be reachable
  // by keyboard); report only what the desktop check did not already report.
  const seen = new Set(violations.map((v) => v.id));
  const small = (await seriousAxeViolations(page)).filter((v) => !seen.has(v.id));
  if (small.length)
    problems.push(describeViolations(`axe found serious or critical problems at 360px on ${entry.name} (${path})`, small));
  // The header leaves three quarters of the screen to the page.
  const header = await page.locator('header').first().boundingBox();
  if (header && header.height > 740 / 4)
    problems.push(`${entry.name} (${path}): the header is ${Math.round(header.height)}px high on a 740px screen`);
  // A chart fits its box and its text stays readable: its font, scaled with the drawing, is at
  // least 10px. Only a heat map keeps its natural size, in a box of its own that scrolls.
  const charts = await page.evaluate(() => {
    let smallest = Infinity;
    const wide = [];
    for (const svg of document.querySelectorAll('svg.kompas-chart')) {
      if (!svg.checkVisibility()) continue;  // the wide drawing, hidden on a phone
      const box = svg.getBoundingClientRect();
      if (!svg.classList.contains('kompas-chart--natural') && box.width > svg.parentElement.clientWidth + 1)
        wide.push(`${svg.querySelector('title')?.textContent}: ${Math.round(box.width)}px in ${svg.parentElement.clientWidth}px`);
      const scale = box.width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text'))
        smallest = Math.min(smallest, scale * parseFloat(getComputedStyle(text).fontSize));
    }
    return { smallest, wide };
  });
  if (charts.smallest < 10) problems.push(`${entry.name} (${path}): chart text drawn at ${charts.smallest.toFixed(1)}px at 360px`);
  if (charts.wide.length) problems.push(`${entry.name} (${path}): charts wider than their box at 360px: ${charts.wide.join('; ')}`);
  const small_targets = await smallTargets(page);
  if (small_targets.length)
    problems.push(`${entry.name} (${path}) at 360px has targets under 24x24 px: ${small_targets.slice(0, 10).join('; ')}`);
  const overflow = await horizontalOverflow(page);
  if (overflow > 0)
    problems.push(`${entry.name} (${path}) is ${overflow}px wider than a 360px screen; sticking out: ` +
      (await overflowingElements(page)).join(', '));
  if (entry.shot) await screenshot(page, `${entry.shot}-360`);
  // The narrowest screen WCAG names (1.4.10), with a reader's own text spacing (1.4.12): still
  // no sideways scrolling, and no chart text cut off or too faint.
  await page.setViewportSize({ width: 320, height: 640 });
  problems.push(...(await textSpacingProblems(page)).map((p) => `${entry.name} (${path}) at 320px with text spacing: ${p}`));
  const spaced = await horizontalOverflow(page);
  if (spaced > 0)
    problems.push(`${entry.name} (${path}) is ${spaced}px wider than a 320px screen with text spacing; sticking out: ` +
      (await overflowingElements(page)).join(', '));
  // And the wide drawings, shown from 36rem on, with the same spacing.
  await page.setViewportSize({ width: 1280, height: 900 });
  problems.push(...(await textSpacingProblems(page)).map((p) => `${entry.name} (${path}) at 1280px with text spacing: ${p}`));

  assert.equal(problems.length, 0, `\n${problems.join('\n\n')}`);
}

for (const entry of PAGES.filter((e) => e.signedIn === false))
  test(`accessible: ${entry.name}`, () => check(entry));

test('log in for the remaining pages', async () => {
  await login(page, BEHEERDER);
  assert.equal(new URL(page.url()).pathname, '/');
});

test('every navigation item is in the list of checked pages', async () => {
  await page.goto('/');
  const hrefs = await page.locator('nav.kompas-nav a, a.kompas-header__section')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length >= 5, `navigation links: ${hrefs}`);
  const checked = new Set(PAGES.map((e) => e.path).filter((p) => typeof p === 'string'));
  assert.deepEqual(hrefs.filter((h) => !checked.has(h)), [], 'navigation items without a check');
});

for (const entry of PAGES.filter((e) => e.signedIn !== false))
  test(`accessible: ${entry.name}`, () => check(entry));

test('switch to English', async () => {
  await page.goto('/');
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
});

for (const entry of ENGLISH) test(`accessible: ${entry.name}`, () => check(entry));
