// The read API against its own OpenAPI document: a token made on the profile page (as a person
// would), then every documented path of the demo coalition, each answer validated with ajv
// against the schema the document gives for it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import { startKompas, launchBrowser, newPage, login, BEHEERDER } from './helpers.mjs';

let kompas;
let browser;
let token;
let doc;

before(async () => {
  kompas = await startKompas();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await kompas?.stop();
});

test('a person makes an API token on the profile page; it is shown once', async () => {
  const page = await newPage(browser, kompas.baseUrl);
  await login(page, BEHEERDER);
  await page.goto('/profiel');
  await page.getByLabel('Naam van de sleutel').fill('Dashboard van de gemeente');
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Sleutel maken' }).click()]);
  token = (await page.locator('.kompas-token').innerText()).trim();
  assert.match(token, /^[A-Za-z0-9_-]{40,}$/);
  await page.goto('/profiel');
  assert.equal(await page.locator('.kompas-token').count(), 0, 'not shown a second time');
  assert.match(await page.locator('main').innerText(), /Dashboard van de gemeente/);
  await page.context().close();
});

test('the OpenAPI document is served and is itself well formed', async () => {
  const response = await fetch(`${kompas.baseUrl}/api/v1/openapi.json`);
  assert.equal(response.status, 200);
  doc = await response.json();
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(Object.keys(doc.paths).length >= 5);
});

function validatorFor(schema) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  // The document's components travel with each schema so that "#/components/..." resolves.
  return ajv.compile({ ...schema, components: doc.components });
}

async function call(path, withToken = true) {
  const headers = withToken ? { Authorization: `Bearer ${token}` } : {};
  return fetch(`${kompas.baseUrl}/api/v1${path}`, { headers });
}

test('every documented answer matches its schema', async () => {
  const indicators = await (await call('/indicators')).json();
  assert.ok(indicators.indicators.length >= 8, 'the demo has indicators');
  for (const [template, item] of Object.entries(doc.paths)) {
    const ids = template.includes('{id}') ? indicators.indicators.map((i) => i.id) : [null];
    for (const id of ids) {
      const path = template.replace('{id}', id);
      const response = await call(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'application/json');
      const body = await response.json();
      const schema = item.get.responses['200'].content['application/json'].schema;
      const validate = validatorFor(schema);
      assert.ok(validate(body), `${path}: ${JSON.stringify(validate.errors, null, 1)}`);
    }
  }
});

test('without a token the answer is the documented 401 error', async () => {
  for (const template of Object.keys(doc.paths)) {
    const response = await call(template.replace('{id}', '1'), false);
    assert.equal(response.status, 401, template);
    const validate = validatorFor(doc.components.responses.Unauthorized.content['application/json'].schema);
    assert.ok(validate(await response.json()), template);
  }
});

test('an unknown indicator is the documented 404 error', async () => {
  const response = await call('/indicators/999999/values');
  assert.equal(response.status, 404);
  const validate = validatorFor(doc.components.responses.NotFound.content['application/json'].schema);
  assert.ok(validate(await response.json()));
});
