import { describe, expect, it } from 'vitest';
import { cameraAfterPan, cameraAfterWheel } from './camera-input.ts';
import { detailFor, rulerTicks, screenToWorld, visibleWorld } from './viewport.ts';

const wheel = {
  deltaX: 0,
  deltaY: 0,
  deltaMode: 0,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  x: 200,
  y: 100,
};
const camera = { x: 50, y: 20, zoom: 0.5 };

describe('camera input', () => {
  it('zooms about the cursor: the world point under it stays put', () => {
    const before = screenToWorld(camera, 200, 100);
    const zoomed = cameraAfterWheel(camera, { ...wheel, deltaY: -120 });
    expect(zoomed.zoom).toBeGreaterThan(camera.zoom);
    const after = screenToWorld(zoomed, 200, 100);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('pinch (ctrl + wheel) zooms faster than a plain wheel', () => {
    const pinch = cameraAfterWheel(camera, { ...wheel, deltaY: -10, ctrlKey: true });
    const plain = cameraAfterWheel(camera, { ...wheel, deltaY: -10 });
    expect(pinch.zoom).toBeGreaterThan(plain.zoom);
  });

  it('pans with Shift + wheel and with a two-finger trackpad scroll', () => {
    expect(cameraAfterWheel(camera, { ...wheel, deltaY: 30, shiftKey: true })).toEqual({
      ...camera,
      x: 20,
    });
    expect(cameraAfterWheel(camera, { ...wheel, deltaX: 10, deltaY: 5 })).toEqual({
      ...camera,
      x: 40,
      y: 15,
    });
    expect(cameraAfterWheel(camera, { ...wheel, deltaX: 2, deltaMode: 1 })).toEqual({
      ...camera,
      x: 18,
    });
    expect(cameraAfterPan(camera, 5, -5)).toEqual({ x: 55, y: 15, zoom: 0.5 });
  });

  it('keeps zoom within limits', () => {
    expect(cameraAfterWheel(camera, { ...wheel, deltaY: 100_000 }).zoom).toBe(0.01);
    expect(cameraAfterWheel(camera, { ...wheel, deltaY: -100_000 }).zoom).toBe(20);
  });
});

describe('viewport', () => {
  it('maps the screen rectangle to world coordinates', () => {
    expect(visibleWorld(camera, 100, 50)).toEqual({ minX: -100, minY: -40, maxX: 100, maxY: 60 });
  });

  it('draws hulls when seats would be tiny, squares when small, circles when large', () => {
    expect(detailFor(0.05)).toBe('sections');
    expect(detailFor(0.2)).toBe('squares');
    expect(detailFor(1)).toBe('circles');
  });
});

describe('ruler ticks', () => {
  it('labels round venue units at least 60 px apart, following pan and zoom', () => {
    const ticks = rulerTicks(0, 1, 300);
    expect(ticks.filter((t) => t.major).map((t) => t.value)).toEqual([0, 100, 200, 300]);
    expect(ticks.filter((t) => !t.major).length).toBeGreaterThan(8);
    // Zoomed in 4× and panned 50 px right: 20-unit labels, the world origin at x = 50 px.
    const zoomed = rulerTicks(50, 4, 400);
    const majors = zoomed.filter((t) => t.major);
    expect(majors.map((t) => t.value).slice(0, 3)).toEqual([0, 20, 40]);
    expect(majors.find((t) => t.value === 0)?.screen).toBe(50);
    for (let i = 1; i < majors.length; i++)
      expect((majors[i]?.screen ?? 0) - (majors[i - 1]?.screen ?? 0)).toBeGreaterThanOrEqual(60);
  });

  it('stays a few dozen ticks at any zoom', () => {
    for (const zoom of [0.001, 0.05, 1, 37, 500])
      expect(rulerTicks(123, zoom, 2000).length).toBeLessThan(200);
  });
});
