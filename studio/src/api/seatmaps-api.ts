// The seat-map endpoints: open, create, import, save the draft under If-Match, publish, export.
import type { SeatmapDocument, ValidationProblem } from '@parterre/seatmaps';
import type { ApiClient } from './client.ts';

export interface SeatmapVersion {
  readonly version: number;
  readonly seatCount: number;
  readonly publishedAt: string;
}

export interface SeatmapRecord {
  readonly id: string;
  readonly name: string;
  readonly draftVersion: number;
  /** As stored: block sections may still be compact (rows not expanded). */
  readonly document: unknown;
  readonly versions: readonly SeatmapVersion[];
}

export interface Saved {
  readonly id: string;
  readonly draftVersion: number;
  readonly seatCount: number;
  readonly problems?: readonly ValidationProblem[];
}

export const getSeatmap = async (api: ApiClient, id: string): Promise<SeatmapRecord> =>
  (await api.request<SeatmapRecord>('GET', `/seatmaps/${encodeURIComponent(id)}`)).body;

export const createSeatmap = async (
  api: ApiClient,
  name: string,
  document: unknown,
): Promise<Saved> => (await api.request<Saved>('POST', '/seatmaps', { name, document })).body;

export const importPretixPlan = async (api: ApiClient, plan: unknown): Promise<Saved> =>
  (await api.request<Saved>('POST', '/seatmaps/import?format=pretix', plan)).body;

/** Saves the draft; rejects with ApiError 412 when someone saved since `draftVersion`. */
export const saveDraft = async (
  api: ApiClient,
  id: string,
  document: SeatmapDocument | unknown,
  draftVersion: number,
): Promise<Saved> =>
  (
    await api.request<Saved>(
      'PUT',
      `/seatmaps/${encodeURIComponent(id)}/draft`,
      { document },
      {
        'if-match': `"${draftVersion}"`,
      },
    )
  ).body;

export const publishSeatmap = async (api: ApiClient, id: string): Promise<{ version: number }> =>
  (await api.request<{ version: number }>('POST', `/seatmaps/${encodeURIComponent(id)}/publish`))
    .body;

export const exportSeatmap = async (
  api: ApiClient,
  id: string,
  format: 'pretix' | 'parterre',
): Promise<unknown> =>
  (await api.request<unknown>('GET', `/seatmaps/${encodeURIComponent(id)}/export?format=${format}`))
    .body;

/** One line of the organisation's seat-map list (GET /seatmaps). */
export interface SeatmapSummary {
  readonly id: string;
  readonly name: string;
  readonly draftVersion: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly latestVersion: number | null;
  readonly latestSeatCount: number | null;
  readonly versions: readonly number[];
}

export const listSeatmaps = async (api: ApiClient): Promise<SeatmapSummary[]> =>
  (await api.request<{ seatmaps: SeatmapSummary[] }>('GET', '/seatmaps')).body.seatmaps;

/** The categories of a published version (read from its document). */
export const versionCategories = async (
  api: ApiClient,
  id: string,
  version: number,
): Promise<{ key: string; label: string; color: string }[]> => {
  const doc = (
    await api.request<{ categories?: { key: string; label: string; color: string }[] }>(
      'GET',
      `/seatmaps/${encodeURIComponent(id)}/export?format=parterre&version=${version}`,
    )
  ).body;
  return doc.categories ?? [];
};
