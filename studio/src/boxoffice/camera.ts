// The box office map's view: world → screen is (x * zoom + cx, y * zoom + cy). Fit, zoom about a
// point and pan; pure so the canvas and its tests share them.

export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 20;

/** The camera showing a width × height world centred in a view, with a margin. */
export function fitCamera(
  world: { width: number; height: number },
  view: { width: number; height: number },
  margin = 16,
): Camera {
  const zoom = Math.min(
    (view.width - 2 * margin) / Math.max(1, world.width),
    (view.height - 2 * margin) / Math.max(1, world.height),
  );
  const z = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
  return {
    zoom: z,
    x: (view.width - world.width * z) / 2,
    y: (view.height - world.height * z) / 2,
  };
}

/** Zooms by `factor` keeping the screen point (sx, sy) over the same world point. */
export function zoomAt(cam: Camera, factor: number, sx: number, sy: number): Camera {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, cam.zoom * factor));
  const k = zoom / cam.zoom;
  return { zoom, x: sx - (sx - cam.x) * k, y: sy - (sy - cam.y) * k };
}

export const toWorld = (cam: Camera, sx: number, sy: number) => ({
  x: (sx - cam.x) / cam.zoom,
  y: (sy - cam.y) / cam.zoom,
});
