// The React wrapper in real Chromium under StrictMode (development build, so effects really run
// twice): one picker survives, one live socket stays open, selection holds over that socket, and
// unmounting removes the DOM and closes the socket.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { bundlePage, startPickerNode, type PickerNode } from './picker-server.ts';

const SDK = new URL('../../client-sdk/src/', import.meta.url).pathname;

const PAGE = `
import { StrictMode, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { SeatPicker } from ${JSON.stringify(`${SDK}react/SeatPicker.tsx`)};

window.mountReact = (props) => {
  const host = document.createElement('div');
  host.id = 'host';
  document.body.append(host);
  const root = createRoot(host);
  window.readyCount = 0;
  window.mounts = 0;
  root.render(
    createElement(StrictMode, null,
      createElement(SeatPicker, {
        ...props,
        style: { height: '480px', width: '800px' },
        onReady: () => (window.readyCount += 1),
        onError: (err) => (window.lastError = err.code ?? err.message),
        pickerRef: (p) => {
          window.picker = p;
          if (p) window.mounts += 1;
        },
      })),
  );
  window.unmountReact = () => root.unmount();
};
`;

let node: PickerNode;
let browser: Browser;
let page: Page;
let code: string;

beforeAll(async () => {
  [code, browser] = await Promise.all([bundlePage(PAGE), launchBrowser()]);
  node = await startPickerNode('/nonexistent-demo-dir');
});

afterAll(async () => {
  await browser?.close();
  await node?.close();
});

const liveSockets = () => node.io.of('/live').sockets.size;

it('survives StrictMode double mounting and cleans up on unmount', async () => {
  // The test page is an inline bundle: the engine's CSP (scripts from 'self' only) would block it.
  page = await browser.newPage({ viewport: { width: 900, height: 700 }, bypassCSP: true });
  page.on('pageerror', (err) => console.error('page error:', err.message));
  await page.goto(`${node.url}/healthz`); // same origin as the API, like a real storefront
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ content: code, type: 'module' });
  await page.waitForFunction(() => 'mountReact' in window);
  await page.evaluate(
    ([url, publicKey, eventId]) =>
      (window as unknown as { mountReact(p: object): void }).mountReact({
        url,
        publicKey,
        eventId,
      }),
    [node.url, node.event.publicKey, node.event.eventId],
  );
  await page.waitForFunction(() => (window as unknown as { readyCount: number }).readyCount > 0);
  // StrictMode mounted, destroyed and mounted again: one picker is left.
  expect(await page.evaluate(() => (window as unknown as { mounts: number }).mounts)).toBe(2);
  expect(await page.locator('#host .parterre-picker').count()).toBe(1);
  await expect.poll(liveSockets).toBe(1);

  const box = await page.locator('.parterre-picker__map').boundingBox();
  const p = await page.evaluate(() =>
    (
      window as unknown as { picker: { screenPositionOf(id: string): { x: number; y: number } } }
    ).picker.screenPositionOf('R3-4'),
  );
  await page.mouse.click(box!.x + p.x, box!.y + p.y);
  await expect
    .poll(() =>
      page.evaluate(() =>
        (window as unknown as { picker: { statusOf(id: string): string } }).picker.statusOf('R3-4'),
      ),
    )
    .toBe('selected');
  const held = await node.engine.ctx.store.snapshot(node.event.eventId);
  expect(held.counts.held).toBe(1);

  await page.evaluate(() => (window as unknown as { unmountReact(): void }).unmountReact());
  expect(await page.locator('#host').innerHTML()).toBe('');
  await expect.poll(liveSockets).toBe(0);
  await page.close();
});

it('shows why when the layout cannot be loaded', async () => {
  const tab = await browser.newPage({ bypassCSP: true });
  await tab.goto(`${node.url}/healthz`);
  await tab.setContent('<!doctype html><html><body></body></html>');
  await tab.addScriptTag({ content: code, type: 'module' });
  await tab.waitForFunction(() => 'mountReact' in window);
  await tab.evaluate(
    ([url, publicKey]) =>
      (window as unknown as { mountReact(p: object): void }).mountReact({
        url,
        publicKey,
        eventId: 'no-such-event',
      }),
    [node.url, node.event.publicKey],
  );
  await expect
    .poll(() => tab.locator('.parterre-picker__error').textContent())
    .toMatch(/^The seat map could not be loaded: Could not load the layout of event no-such-event/);
  expect(await tab.evaluate(() => (window as unknown as { lastError: string }).lastError)).toBe(
    'NOT_FOUND',
  );
  await tab.close();
});
