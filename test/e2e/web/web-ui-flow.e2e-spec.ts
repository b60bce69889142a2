// The web UI in Debian's chromium against the real api, scheduler and worker, with a real nginx in front of
// an app the test switches off and on: sign in, register a site (a field error first), watch results and an
// incident arrive without a reload, read the incident page, use the other pages, a read key, sign out.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { AppServer, startAppServer } from '../../support/app-server';
import { bootPipeline, BootedPipeline } from '../../support/boot-pipeline';
import { checkPage, launchBrowser } from '../../support/browser/browser';
import { freePort } from '../../support/free-port';
import { GatewayProcess } from '../../support/gateways/gateway-process';
import { startNginx } from '../../support/gateways/nginx';
import { TEST_ADMIN_KEY } from '../../support/test-config';
import { startWebhookReceiver, WebhookReceiver } from '../../support/webhook-receiver';

const WEB_DIR = join(__dirname, '..', '..', '..', 'dist', 'web');
const LIVE_MS = 45_000;

jest.setTimeout(240_000);

describe('the web UI in a real browser', () => {
  let pipeline: BootedPipeline;
  let app: AppServer;
  let nginx: GatewayProcess;
  let receiver: WebhookReceiver | undefined;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let nginxPort: number;
  let siteId: string;
  let readKey: string;
  const axe = new Map<string, number>();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error(`no built web UI in ${WEB_DIR}: run "npm run build" first`);
    const [appPort, proxyPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    nginxPort = proxyPort;
    app = await startAppServer(appPort);
    nginx = await startNginx([{ listenPort: proxyPort, upstream: `127.0.0.1:${appPort}`, readTimeoutSeconds: 1, connectTimeoutSeconds: 1 }]);
    pipeline = await bootPipeline({ HOPWATCH_WEB_DIR: WEB_DIR, PORT: String(apiPort), HOPWATCH_RESOLVE_QUIET_SECONDS: '1' });
    await pipeline.app.listen(apiPort, '127.0.0.1');
    base = `http://127.0.0.1:${apiPort}`;
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  });

  afterAll(async () => {
    console.log(`browser console errors: ${JSON.stringify(consoleErrors)}`);
    console.log(`axe-core serious/critical violations per page: ${JSON.stringify(Object.fromEntries(axe))}`);
    await browser?.close();
    await pipeline?.close();
    await Promise.all([nginx?.stop(), app?.close(), receiver?.close()]);
  });

  // Each step's page is kept as a picture, for a person to look at (HOPWATCH_SCREENSHOTS, default a temp folder).
  const screenshots = process.env.HOPWATCH_SCREENSHOTS ?? join(tmpdir(), 'hopwatch-web-screenshots');
  afterEach(async () => {
    mkdirSync(screenshots, { recursive: true });
    const name = expect.getState().currentTestName?.replace(/[^a-z0-9]+/gi, '-').slice(0, 80) ?? 'step';
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  });

  it('asks for a key, refuses a wrong one, and signs in with the right one', async () => {
    await page.goto(base);
    await page.getByRole('heading', { name: 'Sign in to hopwatch' }).waitFor();
    await checkPage(page, '01-sign-in', axe);
    await page.getByLabel('API key').fill('hw_not_a_key_at_all_0000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That key is not valid').waitFor();
    await page.getByLabel('API key').fill(TEST_ADMIN_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('No sites yet').waitFor();
    await page.getByRole('status').getByText('Live', { exact: true }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' }).evaluate((link) => {
      const style = (globalThis as unknown as { getComputedStyle(element: unknown): { outlineStyle: string } }).getComputedStyle(link);
      return { focused: link === (link.ownerDocument as { activeElement: unknown }).activeElement, outline: style.outlineStyle };
    })).resolves.toEqual({ focused: true, outline: 'solid' });
    await checkPage(page, '02-sites-empty', axe);
    expect(await context.cookies()).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'hopwatch_session', httpOnly: true, sameSite: 'Strict' })]));
  });

  it('registers a site with two hops through the form, showing the API\'s field error next to its field first', async () => {
    await page.getByRole('link', { name: 'Add a site' }).click();
    await page.getByLabel('Name', { exact: true }).fill('shop');
    await page.getByLabel('Entry URL').fill(`http://127.0.0.1:${nginxPort}/`);
    await page.getByLabel('Check every (seconds)').fill('5');
    await page.getByLabel('Failures that open an incident').fill('2');
    await page.getByLabel('Successes that resolve it').fill('2');
    await page.getByRole('button', { name: 'Add a hop' }).click();
    await page.locator('#hop-0-name').fill('proxy');
    await page.locator('#hop-0-role').selectOption('reverse_proxy');
    await page.locator('#hop-0-url').fill('nginx-on-loopback');
    await page.getByRole('button', { name: 'Add a hop' }).click();
    await page.locator('#hop-1-name').fill('app');
    await page.locator('#hop-1-role').selectOption('app');
    await page.locator('#hop-1-url').fill(`http://127.0.0.1:${app.port}/`);
    await page.getByRole('button', { name: 'Add site' }).click();

    const hopUrlError = page.locator('#hop-0-url-error');
    await hopUrlError.waitFor();
    expect(await hopUrlError.textContent()).toMatch(/^hops\.0\.url /);
    expect(await page.locator('#hop-0-url').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#hop-1-url-error').count()).toBe(0);
    expect(await pipeline.query('SELECT id FROM sites')).toHaveLength(0);
    await checkPage(page, '03-site-form-with-field-error', axe);

    await page.locator('#hop-0-url').fill(`http://127.0.0.1:${nginxPort}/`);
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByRole('heading', { name: /^shop/ }).waitFor();
    siteId = page.url().split('/sites/')[1]!;
    const [site] = await pipeline.query<{ id: string }>('SELECT id FROM sites WHERE name = $1', ['shop']);
    expect(site?.id).toBe(siteId);
  });

  it('shows the first results live, without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
    for (const hop of ['entry', 'proxy', 'app']) await page.locator(`.hop.hop-ok[data-hop="${hop}"]`).waitFor({ timeout: LIVE_MS });
    await page.locator('table', { hasText: 'Target' }).getByText('entry').first().waitFor();
    expect(navigations).toEqual([]);
    await checkPage(page, '04-site-up', axe);
  });

  it('shows the incident when the app stops, without a reload, and the incident page names the failing hop and nginx', async () => {
    await app.down();
    await page.locator('.hop.failing[data-hop="app"]').waitFor({ timeout: LIVE_MS });
    await page.getByText('✗ failing hop').waitFor();
    await checkPage(page, '05-site-incident', axe);

    await page.getByRole('region', { name: 'Incidents' }).getByRole('link').first().click();
    await page.getByTestId('failing-hop').waitFor();
    expect(await page.getByTestId('failing-hop').textContent()).toBe('app');
    expect(await page.getByTestId('gateway').textContent()).toBe('nginx');
    await page.getByRole('heading', { name: 'Next steps' }).waitFor();
    await page.getByText('RFC 9209 Proxy-Status').waitFor();
    await checkPage(page, '06-incident-open', axe);
  });

  it('marks the incident resolved once the app is back', async () => {
    await app.up();
    await page.locator('.state-up', { hasText: 'Resolved' }).waitFor({ timeout: LIVE_MS });
    await checkPage(page, '07-incident-resolved', axe);
    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('button', { name: 'all' }).click();
    await page.getByText('origin down', { exact: false }).first().waitFor();
    await checkPage(page, '08-incidents', axe);
  });

  it('edits, checks now, pauses and resumes the site from its page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('link', { name: 'shop' }).click();
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Tags (optional)').fill('prod, shop');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('tags prod, shop').waitFor();
    expect((await pipeline.query<{ tags: string[] }>('SELECT tags FROM sites WHERE id = $1', [siteId]))[0]?.tags).toEqual(['prod', 'shop']);

    await page.getByRole('button', { name: 'Check now' }).click();
    await page.getByText('Checked just now.').waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('heading', { name: /Paused/ }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    expect((await pipeline.query<{ paused: boolean }>('SELECT paused FROM sites WHERE id = $1', [siteId]))[0]?.paused).toBe(false);
  });

  it('adds a webhook channel, sends a test notice and shows it in the delivery log', async () => {
    const receiverPort = await freePort();
    await page.getByRole('link', { name: 'Alert channels' }).click();
    await page.getByText('No alert channels yet').waitFor();
    await page.getByLabel('Name').fill('on-call');
    await page.getByLabel('Webhook URL').fill(`http://127.0.0.1:${receiverPort}/hook`);
    await page.getByRole('button', { name: 'Add channel' }).click();
    const secret = (await page.locator('.secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    receiver = await startWebhookReceiver({ secret, port: receiverPort });
    await page.getByRole('button', { name: 'Send a test notice' }).click();
    await page.getByRole('cell', { name: '✓ delivered (204)' }).waitFor({ timeout: 20_000 });
    expect(receiver.accepted().map((delivery) => delivery.type)).toContain('test');
    await checkPage(page, '09-channels', axe);
  });

  it('plans a maintenance window', async () => {
    await page.getByRole('link', { name: 'Maintenance' }).click();
    await page.getByText('No maintenance windows').waitFor();
    await page.getByLabel('Name').fill('db upgrade');
    await page.getByLabel('Sites with these tags').fill('db');
    await page.getByLabel('Starts').fill('2030-01-01T02:00');
    await page.getByLabel('Ends').fill('2030-01-01T04:00');
    await page.getByRole('button', { name: 'Add window' }).click();
    await page.getByRole('cell', { name: 'db upgrade', exact: true }).waitFor();
    await checkPage(page, '10-maintenance', axe);
  });

  it('publishes a status page that opens without a key and leaks no address, hop URL or error body', async () => {
    await page.getByRole('link', { name: 'Status pages' }).click();
    await page.getByText('No status pages yet').waitFor();
    await page.getByLabel('Slug').fill('shop-status');
    await page.getByLabel('Title').fill('Shop status');
    await page.getByLabel('shop', { exact: true }).check();
    await page.getByRole('button', { name: 'Create status page' }).click();
    await page.getByRole('link', { name: '/status/shop-status' }).waitFor();
    await checkPage(page, '11-status-pages', axe);

    const anonymous = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const publicPage = await anonymous.newPage();
    const apiPaths: string[] = [];
    const bodies: string[] = [];
    publicPage.on('response', async (response) => {
      const { pathname } = new URL(response.url());
      if (!pathname.startsWith('/api/')) return;
      apiPaths.push(`${pathname} ${response.status()}`);
      bodies.push(await response.text());
    });
    await publicPage.goto(`${base}/status/shop-status`);
    await publicPage.getByRole('heading', { name: 'Shop status' }).waitFor();
    await publicPage.getByRole('heading', { name: 'shop', exact: true }).waitFor();
    await publicPage.getByText('resolved after').waitFor();
    const seen = `${await publicPage.locator('#root').innerHTML()}\n${bodies.join('\n')}`;
    await checkPage(publicPage, '12-public-status-page', axe);
    for (const secret of ['127.0.0.1', String(nginxPort), String(app.port), 'STATUS_MISMATCH', 'ECONNREFUSED', '<hr><center>nginx']) expect(seen).not.toContain(secret);
    expect(apiPaths).toEqual(['/api/v1/public/status-pages/shop-status 200']);
    await publicPage.goto(`${base}/status/no-such-page`);
    await publicPage.getByRole('heading', { name: 'Status page not found' }).waitFor();
    await anonymous.close();
  });

  it('creates a read key and shows it once', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill('wallboard');
    await page.getByLabel('Scope').selectOption('read');
    await page.getByRole('button', { name: 'Create key' }).click();
    readKey = (await page.getByTestId('new-key').textContent())!;
    expect(readKey).toMatch(/^hw_/);
    await page.getByRole('cell', { name: 'wallboard', exact: true }).waitFor();
    await checkPage(page, '13-api-keys', axe);
    await page.reload();
    await page.getByRole('cell', { name: 'wallboard', exact: true }).waitFor();
    expect(await page.getByText(readKey).count()).toBe(0);
  });

  it('shows a read key no edit controls, and the API refuses its writes', async () => {
    const readContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const readPage = await readContext.newPage();
    await readPage.goto(base);
    await readPage.getByLabel('API key').fill(readKey);
    await readPage.getByRole('button', { name: 'Sign in' }).click();
    await readPage.getByRole('link', { name: 'shop' }).waitFor();
    await readPage.getByText('read only').waitFor();
    expect(await readPage.getByRole('link', { name: 'Add a site' }).count()).toBe(0);
    await checkPage(readPage, '14-sites-read-key', axe);
    await readPage.getByRole('link', { name: 'shop' }).click();
    await readPage.getByRole('heading', { name: 'Chain' }).waitFor();
    for (const name of ['Check now', 'Pause', 'Resume', 'Delete']) expect(await readPage.getByRole('button', { name }).count()).toBe(0);
    expect(await readPage.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    await checkPage(readPage, '15-site-read-key', axe);
    const status = await readPage.evaluate(async (id) => (await fetch(`/api/v1/sites/${id}/pause`, { method: 'POST' })).status, siteId);
    expect(status).toBe(403);
    await readContext.close();
  });

  it('deletes the site after a confirmation', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('link', { name: 'shop' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No sites yet').waitFor();
    expect(await pipeline.query('SELECT id FROM sites')).toHaveLength(0);

    await page.goto(`${base}/sites/${siteId}`);
    await page.getByRole('alert').getByText('Not found: it may have been deleted.').waitFor();
    await page.goto(`${base}/no-such-page`);
    await page.getByText('There is no page at this address.').waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/statusCode|"message"|at \w+ \(/);
  });

  it('signs out: the session ends on the server too', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to hopwatch' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to hopwatch' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    expect(status).toBe(401);
    expect((await context.cookies()).filter((cookie) => cookie.name === 'hopwatch_session')).toEqual([]);
  });
});
