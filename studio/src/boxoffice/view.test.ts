import { describe, expect, it } from 'vitest';
import { fitCamera, MAX_ZOOM, toWorld, zoomAt } from './camera.ts';
import { describeVelocity, niceMax } from './velocity.ts';

describe('camera', () => {
  it('fits the plan centred with a margin', () => {
    const cam = fitCamera({ width: 200, height: 100 }, { width: 432, height: 432 }, 16);
    expect(cam.zoom).toBe(2);
    expect(cam).toEqual({ zoom: 2, x: 16, y: 116 });
  });
  it('zooms about a screen point, which stays over the same world point', () => {
    const cam = { x: 10, y: 20, zoom: 1 };
    const before = toWorld(cam, 110, 70);
    const after = zoomAt(cam, 2, 110, 70);
    expect(toWorld(after, 110, 70)).toEqual(before);
    expect(zoomAt(cam, 1e9, 0, 0).zoom).toBe(MAX_ZOOM);
  });
});

describe('velocity scale', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 12, 48, 51, 100].map(niceMax)).toEqual([1, 1, 5, 10, 20, 50, 100, 100]);
  });
  it('describes the hour in words for screen readers', () => {
    expect(describeVelocity([0, 4, 1, 2])).toBe(
      '7 tickets in the last hour; busiest minute 4; this minute 2.',
    );
  });
});
