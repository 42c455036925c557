import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import express from 'express';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_DIR, explorerRouter } from '../../src/http/explorer';
import { EXAMPLES } from '../../src/http/graphiql';
import { REPO_ROOT } from '../../src/paths';
import { startTestServer, TestServer } from '../helpers/server';

/**
 * GraphiQL and the explorer in real headless Chromium (Debian's `chromium` package, driven by
 * playwright-core), against the real server over a seeded database. The explorer is built
 * first, so the test always runs the current source. Screenshots go to
 * test-results/screenshots/ (git-ignored); with UPDATE_SCREENSHOTS=1 they are also copied to
 * docs/screenshots/, where the README shows them.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(REPO_ROOT, 'test-results/screenshots');
const DOC_SHOTS = path.join(REPO_ROOT, 'docs/screenshots');
const RULE = 'Addition of Certain Entities to the Entity List (28 PRC entities, Xinjiang)';
const PSB = "Xinjiang Uighur Autonomous Region (XUAR) People's Government Public Security Bureau";
const LETTER_22 = 'Joint letter of 22 states to the UN Human Rights Council on Xinjiang (concern over arbitrary detention of Uighurs)';
const COUNTER_LETTER = "Joint letter of 37 states supporting China's Xinjiang policy (counter-letter)";

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
/** Uncaught exceptions in any page, and requests that left the server: both must stay empty. */
const pageErrors: string[] = [];
const foreignRequests: string[] = [];

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith('data:')) foreignRequests.push(url);
  });
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(DOC_SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(DOC_SHOTS, `${name}.png`));
  }
}

/** The text one of GraphiQL's editors holds (CodeMirror only draws the lines in view). */
function editorText(page: Page, editor: 'query' | 'variables' | 'response'): Promise<string> {
  const selector = { query: '.graphiql-query-editor .CodeMirror', variables: '.graphiql-editor-tool .CodeMirror', response: '.graphiql-response .CodeMirror' }[editor];
  return page.evaluate((selector) => {
    const el = (globalThis as any).document.querySelector(selector) as { CodeMirror?: { getValue(): string } } | null;
    return el?.CodeMirror?.getValue() ?? '';
  }, selector);
}

const responseText = (page: Page) => editorText(page, 'response');

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  // A production build of the current source, as `npm run build` makes it (a few seconds).
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'src/explorer/vite.config.mts', '--logLevel', 'warn'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    timeout: 120_000,
  });
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('GraphiQL in a browser', () => {
  it('opens every example of docs/queries as a tab, the AI question first, with the docs pane and the explorer plugin, and runs it', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/graphql`);
    const tabs = page.locator('.graphiql-tab');
    await expect.poll(() => tabs.count(), { timeout: 15_000 }).toBe(EXAMPLES.length);
    const tabNames = (await tabs.allInnerTexts()).map((t) => t.trim());
    expect(tabNames[0]).toBe('AiSurveillanceFirms');
    expect(tabNames).toEqual(EXAMPLES.map((e) => e.name));

    // The docs pane is open on a first visit and shows the schema (introspection worked).
    await page.locator('.graphiql-doc-explorer').getByText('Root Types').waitFor({ timeout: 15_000 });

    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain('"name": "Hikvision"');
    expect(await responseText(page)).toContain('84 FR 54002');

    // The explorer plugin (served from node_modules, like GraphiQL) replaces the docs pane.
    await page.getByRole('button', { name: 'Show GraphiQL Explorer' }).click();
    await page.locator('.graphiql-explorer-root').waitFor();
    await expect.poll(() => page.locator('.graphiql-explorer-root').innerText()).toContain('entities');
    await screenshot(page, 'graphiql');

    // The network example needs a global id: the page looked Hikvision's up for its variables.
    await tabs.filter({ hasText: 'NetworkAroundEntity' }).click();
    await expect.poll(() => editorText(page, 'query')).toContain('query NetworkAroundEntity');
    expect(JSON.parse(await editorText(page, 'variables')).rootIds).toEqual([(await server.gql('{ entity(slug: "cn-hikvision") { id } }')).data!.entity.id]);
    await page.waitForTimeout(500); // GraphiQL reads the operation name from the editor after a short debounce
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => responseText(page), { timeout: 15_000 }).toContain(PSB);
    await page.close();
  });
});

describe('the explorer at /explore', () => {
  it('timeline: the October 2019 rule is listed; clicking its month lists that month, each action links to its page', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/explore/`);
    const list = page.getByTestId('timeline-actions');
    await list.getByRole('link', { name: RULE }).waitFor();
    const firstRender = () => page.evaluate(() => Math.round(performance.getEntriesByName('explorer:first-render')[0]?.startTime ?? -1));
    const cold = await firstRender();
    await page.reload();
    await list.getByRole('link', { name: RULE }).waitFor();
    console.log(`explorer: first render of the timeline ${cold} ms after navigation start (fresh server), ${await firstRender()} ms on reload`);
    const count = async (filter: string) => (await server.gql(`{ actions(filter: ${filter}) { totalCount } }`)).data!.actions.totalCount as number;
    await expect.poll(() => list.locator('tbody tr').count()).toBe(await count('{}'));

    // Click the chart where the column of October 2019 is.
    await page.waitForFunction(() => (globalThis as any).policyKbExplorer?.timeline);
    const point = await page.evaluate(() => (globalThis as any).policyKbExplorer.timeline.pointOf('2019-10-01'));
    expect(point).not.toBeNull();
    await page.mouse.click(point.x, point.y);
    await page.waitForURL(/period=2019-10-01/);
    const october = await count('{ occurredBetween: { from: "2019-10-01", to: "2019-10-31" } }');
    await expect.poll(() => list.locator('h2').innerText()).toMatch(new RegExp(`^Oct 2019: ${october} actions`));
    const row = list.locator('tr', { hasText: RULE });
    await expect.poll(() => row.innerText()).toContain('9 Oct 2019');
    expect(await list.innerText()).not.toContain('Huawei');
    await screenshot(page, 'timeline');

    await row.getByRole('link', { name: RULE }).click();
    const action = page.getByTestId('action');
    await action.waitFor();
    expect(await action.innerText()).toContain('84 FR 54002');
    expect(await action.getByRole('link', { name: PSB }).count()).toBe(1);

    // Filters and granularity come from the URL, so they can be shared.
    await page.goto(`${server.url}/explore/timeline?kind=LISTING&authority=us-bis&granularity=YEAR`);
    const bisListings = await count('{ kind: [LISTING], authority: ["us-bis"] }');
    await expect.poll(() => list.locator('h2').innerText()).toMatch(new RegExp(`^All ${bisListings} actions`));
    expect(await page.locator('.segmented a.active').innerText()).toBe('Year');
    await page.locator('select[name=kind]').selectOption('JOINT_LETTER');
    await page.waitForURL(/kind=JOINT_LETTER/);
    await expect.poll(() => list.locator('h2').innerText()).toMatch(/^All 0 actions/);
    await page.close();
  });

  it('network: the search box finds Hikvision; its network shows the October 2019 rule and the XUAR Public Security Bureau', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/explore/network`);
    await page.getByRole('searchbox', { name: 'Search' }).fill('hikvision');
    await page.getByTestId('search-results').getByRole('link', { name: 'Hikvision', exact: true }).click();
    await page.waitForURL(/network\?id=/);
    const nodes = page.getByTestId('network-nodes');
    await nodes.getByRole('button', { name: RULE }).waitFor();
    await nodes.getByRole('button', { name: PSB, exact: true }).waitFor();
    // The drawing holds the same nodes and their edges.
    await page.waitForFunction(() => (globalThis as any).policyKbExplorer?.network);
    const drawn = await page.evaluate(() => {
      const cy = (globalThis as any).policyKbExplorer.network.cy;
      return { nodes: cy.nodes().map((n: any) => n.data('label')) as string[], edges: cy.edges().length as number, root: cy.nodes('.root').data('label') as string };
    });
    expect(drawn.root).toBe('Hikvision');
    expect(drawn.nodes).toEqual(expect.arrayContaining([RULE, PSB, 'The Entity List', 'Bureau of Industry and Security']));
    expect(drawn.edges).toBeGreaterThan(drawn.nodes.length);

    await nodes.getByRole('button', { name: PSB, exact: true }).click();
    const details = page.getByTestId('node-details');
    await expect.poll(() => details.innerText()).toContain(PSB);
    // The screenshot shows the whole network, not the highlighted neighbourhood.
    await page.evaluate(() => {
      (globalThis as any).policyKbExplorer.network.cy.elements().removeClass('faded highlighted');
    });
    await screenshot(page, 'network');
    await details.getByRole('link', { name: 'Open its page' }).click();
    await page.getByTestId('entity').getByRole('heading', { name: PSB }).waitFor();
    await page.close();
  });

  it('letters: the signatories of the two July 2019 letters side by side, countries in both highlighted', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/explore/letters`);
    const a = page.getByTestId('letter-a');
    const b = page.getByTestId('letter-b');
    await a.getByRole('heading', { name: LETTER_22 }).waitFor();
    await b.getByRole('heading', { name: COUNTER_LETTER }).waitFor();
    expect(await a.locator('ol.countries li').count()).toBe(22);
    expect(await b.locator('ol.countries li').count()).toBe(51);
    expect(await a.innerText()).toContain('United Kingdom');
    expect(await b.innerText()).toContain('Pakistan');
    expect(await page.getByTestId('letters-summary').innerText()).toContain('No country signed both.');
    expect(await page.locator('li.both').count()).toBe(0);
    await screenshot(page, 'letters');

    // A country's row: what it signed (country.actionsSigned).
    await a.getByRole('link', { name: 'GB United Kingdom' }).click();
    const signed = page.getByTestId('country-signed');
    await expect.poll(() => signed.innerText()).toContain('United Kingdom signed');
    expect(await signed.getByRole('link', { name: LETTER_22 }).count()).toBe(1);

    // The same letter on both sides: every signatory is in both.
    await page.goto(`${server.url}/explore/letters?a=unhrc-2019-07-08-joint-letter-22&b=unhrc-2019-07-08-joint-letter-22`);
    await page.getByTestId('letters-summary').waitFor();
    expect(await page.locator('[data-testid=letter-a] li.both').count()).toBe(22);
    await page.close();
  });

  it('entity page: listings over time with grounds, actions, relations and sources as links', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/explore/entity/cn-hikvision`);
    const entity = page.getByTestId('entity');
    await entity.getByRole('heading', { name: 'Hikvision', exact: true }).waitFor();
    const listings = page.getByTestId('listings');
    const entityList = listings.locator('tr', { hasText: 'The Entity List' });
    expect(await entityList.innerText()).toContain('9 Oct 2019');
    expect(await entityList.innerText()).toContain('Implicated in human rights violations');
    expect(await listings.innerText()).toContain('Covered List');
    const sources = await entity.locator('ul.sources a').evaluateAll((links) => links.map((l) => (l as unknown as { href: string }).href));
    expect(sources.length).toBeGreaterThan(3);
    for (const href of sources) expect(href).toMatch(/^https?:\/\//);
    expect(await entity.locator('.small-chart canvas').count()).toBe(1);
    await screenshot(page, 'entity');
    await page.close();
  });

  it('bad input: an unknown entity shows "not found", an API error shows its message', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/explore/entity/no-such-entity`);
    await expect.poll(() => page.getByTestId('not-found').innerText()).toContain('No entity has the slug "no-such-entity"');
    await page.goto(`${server.url}/explore/action/no-such-action`);
    await expect.poll(() => page.getByTestId('not-found').innerText()).toContain('No action has the slug "no-such-action"');
    await page.goto(`${server.url}/explore/network?slug=nothing-here`);
    await expect.poll(() => page.getByTestId('not-found').innerText()).toContain('No entity or action has the slug "nothing-here"');
    await page.goto(`${server.url}/explore/no-such-view`);
    await page.getByTestId('not-found').waitFor();

    await page.goto(`${server.url}/explore/timeline?country=ZZ`);
    await expect.poll(() => page.getByTestId('error').innerText()).toContain('not an ISO 3166-1 alpha-2 code');
    await page.goto(`${server.url}/explore/timeline?granularity=DECADE`);
    await expect.poll(() => page.getByTestId('error').innerText()).toContain('DECADE');
    await page.close();
  });

  it('is served with long-lived hashed assets, and answers 503 with the command to run when it is not built', async () => {
    const page = await fetch(`${server.url}/explore/entity/cn-hikvision`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="(\/explore\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${server.url}/explore/assets/no-such-file.js`)).status).toBe(404);

    const bare = express().use(explorerRouter(path.join(REPO_ROOT, 'no-such-dir'))).listen(0, '127.0.0.1');
    await new Promise((resolve) => bare.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/explore`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:explorer');
    } finally {
      bare.close();
    }
  });

  it('loads nothing from outside the server, throws no error, and prints the weight of its JavaScript', async () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    const assets = path.join(EXPLORER_DIR, 'assets');
    const scripts = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    const gzipped = scripts.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, f))).length, 0);
    console.log(`explorer: ${scripts.length} JavaScript files, ${(gzipped / 1024).toFixed(1)} KiB gzipped in all (the budget is 1 MiB)`);
  });
});
