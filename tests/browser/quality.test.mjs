// A team walks through a quality check (issue 12): the partner starts a round for an activity it
// leads, invites a colleague and a volunteer, everyone answers on their own (the volunteer
// through the personal link, without an account), the team sees the overview, turns two tips
// into actions, and the improvement plan prints on A4. The coordinator then finds those actions
// on the next meeting's proposed agenda, records a decision with the keyboard, and prints the
// minutes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  demoServerAndBrowser,
  newPage,
  login,
  seriousAxeViolations,
  describeViolations,
  screenshot,
  tempFile,
  BEHEERDER,
  PARTNER_USER,
  submit,
} from './helpers.mjs';

const demo = demoServerAndBrowser();

// Every question gets `score`, chosen with the keyboard-reachable radio buttons; then hand in.
async function answerAll(page, score) {
  for (const radio of await page.locator(`input[type="radio"][value="${score}"]`).all()) await radio.check();
  assert.equal(await submit(page, 'Inleveren'), 200);
  assert.match(await page.locator('main').innerText(), /ingeleverd/i);
}

test('a team checks an activity, sees its scores and makes an improvement plan', async () => {
  const partner = await newPage(demo.browser, demo.kompas.baseUrl, { viewport: { width: 360, height: 740 } });
  await login(partner, PARTNER_USER);

  // An activity the partner's organisation leads: there the start button shows.
  await partner.goto('/kwaliteit');
  const activities = await partner.locator('tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  let start = null;
  for (const href of activities) {
    await partner.goto(href);
    const button = partner.getByRole('link', { name: 'Nieuwe ronde starten' });
    if (await button.count()) {
      start = await button.getAttribute('href');
      break;
    }
  }
  assert.ok(start, 'the partner leads an activity it can check');
  await partner.goto(start);
  assert.equal(await submit(partner, 'Nieuwe ronde starten'), 200);
  const round = new URL(partner.url()).pathname;
  assert.match(round, /^\/kwaliteit\/rondes\/\d+$/);

  // A colleague with an account, and a volunteer through a link shown once.
  await partner.getByLabel('Collega met een account').selectOption({ label: 'Anouk de Vries' });
  assert.equal(await submit(partner, 'Toevoegen'), 200);
  await partner.getByLabel('Vrijwilliger zonder account (naam)').fill('Vera');
  assert.equal(await submit(partner, 'Link maken'), 200);
  const link = (await partner.locator('.kompas-link-once code').innerText()).trim();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/check\/[A-Za-z0-9_-]{40,}$/);

  // The volunteer has no account: the link is enough, and works on a phone.
  const volunteer = await newPage(demo.browser, demo.kompas.baseUrl, { viewport: { width: 360, height: 740 } });
  await volunteer.goto(link);
  assert.match(await volunteer.locator('main').innerText(), /Vera/);
  await volunteer.locator('input[name="q_bezigheden"][value="11"]').count().then((n) => assert.equal(n, 0));
  // Handing in too early names what is missing, and keeps what was chosen.
  await volunteer.locator('input[name="q_bezigheden"][value="9"]').check();
  assert.equal(await submit(volunteer, 'Inleveren'), 422);
  assert.match(await volunteer.locator('[role="alert"]').innerText(), /Vraag 2/);
  assert.ok(await volunteer.locator('input[name="q_bezigheden"][value="9"]').isChecked());
  const violations = await seriousAxeViolations(volunteer);
  assert.equal(violations.length, 0, describeViolations('the answer form with errors', violations));
  await answerAll(volunteer, 9);
  await volunteer.context().close();

  await partner.goto(`${round}/invullen`);
  await answerAll(partner, 5);

  const beheerder = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(beheerder, BEHEERDER);
  await beheerder.goto(`${round}/invullen`);
  await answerAll(beheerder, 7);
  await beheerder.context().close();

  // The overview: every score with its name for the team, and what to discuss.
  await partner.setViewportSize({ width: 1280, height: 900 });
  await partner.goto(`${round}/overzicht`);
  const overview = await partner.locator('main').innerText();
  assert.match(overview, /Vera/);
  assert.match(overview, /bespreken/);  // 5 and 9 lie 4 apart
  assert.equal(await partner.locator('svg.kompas-chart:visible').count(), 1);

  // Two tips become actions, in the team's own words.
  for (const title of ['Elke week samen koken', 'Vaste gastvrouw bij de deur']) {
    await partner.locator('details.kompas-make-action').first().locator('summary').click();
    const form = partner.locator('details.kompas-make-action[open] form');
    await form.getByLabel('Wat gaan we doen? (in eigen woorden)').fill(title);
    await form.getByLabel('Wie', { exact: true }).selectOption({ label: 'Anouk de Vries' });
    await Promise.all([partner.waitForNavigation(), form.getByRole('button', { name: 'Actie toevoegen' }).click()]);
    assert.match(await partner.locator('#plan').innerText(), new RegExp(title));
  }
  await screenshot(partner, 'quality-overview');

  // The plan prints on A4, without navigation.
  await partner.getByRole('link', { name: 'Verbeterplan afdrukken' }).click();
  await partner.waitForURL(/verbeterplan$/);
  await partner.emulateMedia({ media: 'print' });
  assert.equal(await partner.locator('nav.kompas-nav').isVisible(), false, 'no navigation on paper');
  const pdf = await partner.pdf({ format: 'A4' });
  const pdfPath = await tempFile(demo.kompas.dir, 'verbeterplan.pdf', pdf);
  const { stdout } = await promisify(execFile)('pdftotext', ['-raw', pdfPath, '-']);
  const printed = stdout.replace(/\s+/g, ' ');
  for (const words of ['Elke week samen koken', 'Vaste gastvrouw bij de deur', 'Anouk de Vries'])
    assert.ok(printed.includes(words), `${words} on paper`);
  await screenshot(partner, 'quality-plan-print');

  // The actions are in the register too.
  await partner.emulateMedia({ media: 'screen' });
  await partner.goto('/acties');
  assert.match(await partner.locator('main').innerText(), /Elke week samen koken/);
  await partner.context().close();

  // The coordinator finds both actions on the proposed agenda of the next meeting, puts them on
  // it, and records a decision with the keyboard; the minutes print on A4.
  const coordinator = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(coordinator, BEHEERDER);
  await coordinator.goto('/verbetercyclus');
  await coordinator.getByRole('link', { name: 'Coalitieoverleg winter' }).click();
  const proposal = coordinator.locator('form[action$="/agenda"]');
  for (const box of await proposal.locator('input[name="punt"]').all()) await box.uncheck();
  for (const title of ['Elke week samen koken', 'Vaste gastvrouw bij de deur'])
    await proposal.getByLabel(`Nieuwe verbeteractie uit een check: ${title}`, { exact: false }).check();
  assert.equal(await submit(coordinator, 'Op de agenda zetten'), 200);
  const agenda = await coordinator.locator('ol.kompas-agenda').innerText();
  assert.match(agenda, /Elke week samen koken/);
  assert.match(agenda, /Vaste gastvrouw bij de deur/);
  assert.equal(await coordinator.locator('ol.kompas-agenda > li').count(), 2);

  await coordinator.getByRole('link', { name: /Vastleggen.*Elke week samen koken/ }).click();
  await coordinator.getByLabel('Besluit').focus();
  await coordinator.keyboard.type('We koken vanaf januari elke dinsdag samen.');
  await coordinator.keyboard.press('Tab');  // past the decision's hint to the owner
  await coordinator.getByLabel('Eigenaar').selectOption({ label: 'Anouk de Vries' });
  await coordinator.getByLabel('Klaar op').fill('2027-02-01');  // a date picker in Chromium
  const [saved] = await Promise.all([
    coordinator.waitForNavigation(),
    coordinator.getByLabel('Klaar op').press('Enter'),
  ]);
  assert.equal(saved.status(), 200, await coordinator.locator('main').innerText());
  assert.match(await coordinator.locator('main').innerText(), /We koken vanaf januari elke dinsdag samen/);

  await coordinator.getByRole('link', { name: 'Notulen afdrukken' }).click();
  await coordinator.emulateMedia({ media: 'print' });
  const minutes = await coordinator.pdf({ format: 'A4' });
  const minutesPath = await tempFile(demo.kompas.dir, 'notulen.pdf', minutes);
  const { stdout: minutesText } = await promisify(execFile)('pdftotext', ['-raw', minutesPath, '-']);
  const onPaper = minutesText.replace(/\s+/g, ' ');
  for (const words of ['Coalitieoverleg winter', 'We koken vanaf januari elke dinsdag samen.', 'Vaste gastvrouw bij de deur'])
    assert.ok(onPaper.includes(words), `${words} in the minutes`);
  await screenshot(coordinator, 'meeting-minutes-print');

  // The decision is in the jaarverslag of the meeting's year, on paper too.
  await coordinator.emulateMedia({ media: 'screen' });
  const meetingYear = (await coordinator.locator('dl.kompas-facts dd').first().innerText()).match(/\d{4}/)[0];
  await coordinator.goto(`/verbetercyclus/jaarverslag/${meetingYear}`);
  assert.match(await coordinator.locator('main').innerText(), /We koken vanaf januari elke dinsdag samen/);
  await coordinator.emulateMedia({ media: 'print' });
  const report = await coordinator.pdf({ format: 'A4' });
  const reportPath = await tempFile(demo.kompas.dir, 'jaarverslag.pdf', report);
  const { stdout: reportText } = await promisify(execFile)('pdftotext', ['-raw', reportPath, '-']);
  assert.ok(reportText.replace(/\s+/g, ' ').includes('We koken vanaf januari elke dinsdag samen.'),
    'the decision in the printed jaarverslag');
  await coordinator.context().close();
});
