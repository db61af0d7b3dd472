// Loads the hand-written pretix plans in seatmaps/fixtures/pretix for the converter's tests.
import { readFileSync } from 'node:fs';

export function pretixFixture(name: 'small-hall' | 'duplicate-guids'): unknown {
  const url = new URL(`../../fixtures/pretix/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as unknown;
}
