import { describe, expect, it } from 'vitest';
import { MemorySeatStore } from '../store/memory/memory-store.ts';
import { instrumentStore } from './instrument-store.ts';
import { createMetrics } from './metrics.ts';

async function setup() {
  const metrics = createMetrics({ defaultMetrics: false });
  const inner = new MemorySeatStore();
  const store = instrumentStore(inner, metrics);
  await store.initEvent({ eventId: 'e1', seatCount: 10, ga: [] });
  return { metrics, inner, store };
}

const value = async (metrics: ReturnType<typeof createMetrics>, name: string) =>
  (await metrics.registry.getSingleMetric(name)!.get()).values;

describe('instrumentStore', () => {
  it('counts holds by result and refusals by code, and keeps the store behaviour', async () => {
    const { metrics, store } = await setup();
    await store.hold('e1', { token: 't1', seats: [1, 2], ttlMs: 60_000 });
    await expect(
      store.hold('e1', { token: 't2', seats: [2], ttlMs: 60_000 }),
    ).rejects.toMatchObject({ code: 'SEATS_UNAVAILABLE', seats: [2] });
    await expect(store.release('e1', { token: 'nope' })).rejects.toMatchObject({
      code: 'HOLD_NOT_FOUND',
    });
    expect((await store.snapshot('e1')).counts.held).toBe(2);

    expect(await value(metrics, 'parterre_holds_total')).toEqual([
      { labels: { result: 'ok' }, value: 1 },
      { labels: { result: 'conflict' }, value: 1 },
    ]);
    expect(await value(metrics, 'parterre_conflicts_total')).toEqual([
      { labels: { code: 'SEATS_UNAVAILABLE' }, value: 1 },
      { labels: { code: 'HOLD_NOT_FOUND' }, value: 1 },
    ]);
    const counts = (await value(metrics, 'parterre_store_command_seconds'))
      .filter((v) => (v as { metricName?: string }).metricName?.endsWith('_count'))
      .map((v) => [v.labels.command, v.labels.outcome, v.value]);
    expect(counts).toEqual([
      ['initEvent', 'ok', 1],
      ['hold', 'ok', 1],
      ['hold', 'error', 1],
      ['release', 'error', 1],
      ['snapshot', 'ok', 1],
    ]);
  });

  it('passes other members through, bound to the real store', async () => {
    const { inner, store } = await setup();
    expect(store).toBeInstanceOf(MemorySeatStore);
    const seen: number[] = [];
    const off = store.onChange((_eventId, seq) => seen.push(seq));
    await inner.block('e1', { seats: [5] });
    off();
    expect(seen.length).toBeGreaterThan(0);
  });
});
