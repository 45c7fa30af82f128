// The read API against its own OpenAPI document: a token made on the profile page (as a person
// would), then every documented path of the demo coalition, each answer validated with ajv
// against the schema the document gives for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { demoServerAndBrowser, newPage, login, submit, repoRoot, BEHEERDER } from './helpers.mjs';

const demo = demoServerAndBrowser();
let token;
let doc;

test('a person makes an API token on the profile page; it is shown once', async () => {
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
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
  const response = await fetch(`${demo.kompas.baseUrl}/api/v1/openapi.json`);
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
  return fetch(`${demo.kompas.baseUrl}/api/v1${path}`, { headers });
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

// The sociale kaart's HSDS 3.0 API and exports (issue 13) against the official schemas of the
// specification (tests/hsds/schema): the beheerder reads the official examples in through the
// import page and publishes the kaart; then every path of the specification's openapi.json is
// called, with each record's id, and every answer, NDJSON line and CSV row is validated.
const HSDS = join(repoRoot, 'tests', 'hsds');
const HSDS_ORIGIN = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
let gemeente;

async function hsdsSchemas() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const name of await readdir(join(HSDS, 'schema'))) {
    if (!name.endsWith('.json') || name === 'openapi.json') continue;
    ajv.addSchema(JSON.parse(await readFile(join(HSDS, 'schema', name), 'utf8')), HSDS_ORIGIN + name);
  }
  for (const name of await readdir(join(HSDS, 'schema', 'compiled'))) {
    const text = name.endsWith('.gz')
      ? gunzipSync(await readFile(join(HSDS, 'schema', 'compiled', name))).toString('utf8')
      : await readFile(join(HSDS, 'schema', 'compiled', name), 'utf8');
    ajv.addSchema(JSON.parse(text), HSDS_ORIGIN + 'compiled/' + name.replace(/\.gz$/, ''));
  }
  ajv.addSchema(JSON.parse(await readFile(join(repoRoot, 'data', 'hsds', 'tabular.json'), 'utf8')),
    HSDS_ORIGIN + 'tabular.json');  // its $refs (funding.json) are beside the table schemas
  return ajv;
}

test('the beheerder reads the official HSDS examples in and publishes the kaart', async () => {
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(page, BEHEERDER);
  await page.goto('/deskundigheid/kaart/bestanden');
  const examples = ['service_full.json', 'organization_full.json', 'service_at_location_full.json',
    'taxonomy_term.json'].map((name) => join(HSDS, 'examples', name));
  await page.getByLabel('Bestanden').setInputFiles(examples);
  assert.equal(await submit(page, 'Inlezen'), 200);
  assert.match(await page.locator('main').innerText(), /De bestanden zijn ingelezen: \d+ nieuw/);
  await page.goto('/beheer');
  await page.getByLabel('Sociale kaart openbaar').check();
  assert.equal(await submit(page, 'Opslaan'), 200);
  gemeente = (await page.locator('main').innerText()).match(/GM\d{4}/)[0];
  await page.context().close();
});

test('every path of the HSDS API answers as the specification says', async () => {
  const ajv = await hsdsSchemas();
  const base = `${demo.kompas.baseUrl}/api/hsds/${gemeente}`;
  const spec = await (await fetch(`${demo.kompas.baseUrl}/api/hsds/openapi.json`)).json();
  assert.equal(spec.openapi, '3.1.0');
  assert.ok(!spec.info.title.startsWith('REQUIRED'), 'our own title, not the template');
  let validated = 0;
  for (const [template, item] of Object.entries(spec.paths)) {
    const schema = item.get.responses['200'].content['application/json'].schema;
    // A list path's items give the ids for its {id} path.
    const list = template.replace('/{id}', '');
    const ids = template.includes('{id}')
      ? (await (await fetch(`${base}${list}?per_page=1000`)).json()).contents.map((c) => c.id)
      : [null];
    assert.ok(ids.length > 0, `${list} lists something`);
    for (const id of ids) {
      const path = id === null ? template : template.replace('{id}', encodeURIComponent(id));
      const response = await fetch(`${base}${path}`);
      assert.equal(response.status, 200, path);
      const body = await response.json();
      const validate = ajv.compile({ ...schema, components: spec.components });
      assert.ok(validate(body), `${path}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 1)}`);
      validated++;
    }
  }
  assert.ok(validated >= 11, `validated ${validated} answers`);
  // NDJSON: every line a whole service.
  const lines = (await (await fetch(`${base}/services?format=ndjson`)).text()).trim().split('\n');
  const service = ajv.getSchema(HSDS_ORIGIN + 'compiled/service.json');
  for (const line of lines) assert.ok(service(JSON.parse(line)), JSON.stringify(service.errors));
});

test('the exports pass the official schemas', async () => {
  const ajv = await hsdsSchemas();
  const page = await newPage(demo.browser, demo.kompas.baseUrl);
  await login(page, BEHEERDER);
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const get = (path) => fetch(`${demo.kompas.baseUrl}${path}`, { headers: { Cookie: cookies } });

  const ndjson = (await (await get('/deskundigheid/kaart/diensten.ndjson')).text()).trim().split('\n');
  const service = ajv.getSchema(HSDS_ORIGIN + 'compiled/service.json');
  for (const line of ndjson) assert.ok(service(JSON.parse(line)), JSON.stringify(service.errors));

  const zip = Buffer.from(await (await get('/deskundigheid/kaart/datapakket.zip')).arrayBuffer());
  const files = unzip(zip);
  const descriptor = JSON.parse(files['datapackage.json']);
  assert.equal(descriptor.profile, 'tabular-data-package');
  // Every row, typed as datapackage.json says, in the specification's tabular form.
  const tables = {};
  for (const resource of descriptor.resources) {
    const rows = parseCsv(files[resource.path]);
    const header = rows.shift();
    const types = Object.fromEntries(resource.schema.fields.map((f) => [f.name, f.type]));
    tables[resource.name] = rows.map((row) => Object.fromEntries(
      row.map((cell, i) => [header[i], cell]).filter(([, cell]) => cell !== '')
        .map(([name, cell]) => [name, ['number', 'integer'].includes(types[name]) ? Number(cell) : cell])));
  }
  assert.ok(tables.service.length >= 1);
  const tabular = ajv.getSchema(HSDS_ORIGIN + 'tabular.json');
  assert.ok(tabular(tables), JSON.stringify(tabular.errors?.slice(0, 5), null, 1));
  await page.context().close();
});

/** The files of a ZIP archive (stored or deflated), read from its central directory. */
function unzip(buffer) {
  const files = {};
  let end = buffer.length - 22;
  while (buffer.readUInt32LE(end) !== 0x06054b50) end--;
  let at = buffer.readUInt32LE(end + 16);
  for (let i = buffer.readUInt16LE(end + 10); i > 0; i--) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** Rows of a CSV text with quotes, doubled quotes and line breaks in quoted cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
