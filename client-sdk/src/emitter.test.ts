import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter.ts';

class Probe extends Emitter<{ n: number }> {
  fire(n: number) {
    this.emit('n', n);
  }
}

describe('Emitter', () => {
  it('calls listeners until removed', () => {
    const probe = new Probe();
    const seen: number[] = [];
    const off = probe.on('n', (n) => seen.push(n));
    probe.fire(1);
    off();
    probe.fire(2);
    expect(seen).toEqual([1]);
    expect(probe.has('n')).toBe(false);
  });
});
