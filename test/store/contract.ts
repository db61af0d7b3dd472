// The SeatStore contract: one suite that every implementation must pass unchanged
// (run by redis-store.test.ts and memory-store.test.ts).
import { afterEach, beforeEach, describe } from 'vitest';
import { bookingsContract } from './contract-bookings.ts';
import { holdsContract } from './contract-holds.ts';
import { lifecycleContract } from './contract-lifecycle.ts';
import type { MakeHarness, StoreHarness } from './harness.ts';

/** Runs the whole contract against stores made by `makeHarness` (a fresh one per test). */
export function describeSeatStoreContract(name: string, makeHarness: MakeHarness): void {
  describe(`SeatStore contract: ${name}`, () => {
    let harness: StoreHarness | undefined;
    const opened: StoreHarness[] = [];
    const open = async (options?: Parameters<MakeHarness>[0]) => {
      const h = await makeHarness(options);
      opened.push(h);
      return h;
    };
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(async () => {
      for (const h of opened.splice(0)) await h.cleanup();
    });
    const get = () => harness as StoreHarness;
    holdsContract(get);
    bookingsContract(get);
    lifecycleContract(get, open);
  });
}
