// The sales report of an event (GET /events/:id/report), as JSON rows or the engine's CSV.
import type { ApiClient } from './client.ts';

/** Groupings every engine reports by; newer ones add price type, channel, zone… */
export const BASE_GROUPINGS = ['status', 'category'] as const;
export type ReportGrouping = string;

export interface ReportRow {
  readonly key: string | null;
  readonly currency: string | null;
  readonly bookings: number;
  readonly count: number;
  /** Minor units. */
  readonly revenue: number;
}

export interface Report {
  readonly by: string;
  readonly rows: readonly ReportRow[];
}

export const reportPath = (eventId: string, by: ReportGrouping, format: 'json' | 'csv') =>
  `/events/${encodeURIComponent(eventId)}/report?by=${by}&format=${format}`;

export const getReport = async (api: ApiClient, eventId: string, by: ReportGrouping) =>
  (await api.request<Report>('GET', reportPath(eventId, by, 'json'))).body;

interface OpenApiParameter {
  readonly name?: string;
  readonly schema?: { readonly enum?: readonly string[] };
}

/**
 * The groupings this engine's report offers, read from its OpenAPI document (the `by` parameter
 * of the `report` operation), so the studio offers exactly what the engine can answer.
 */
export async function reportGroupings(api: ApiClient): Promise<string[]> {
  try {
    const doc = (
      await api.request<{
        paths?: Record<
          string,
          Record<string, { operationId?: string; parameters?: OpenApiParameter[] }>
        >;
      }>('GET', '/openapi.json')
    ).body;
    for (const ops of Object.values(doc.paths ?? {})) {
      for (const op of Object.values(ops)) {
        if (op.operationId !== 'report') continue;
        const values = op.parameters?.find((p) => p.name === 'by')?.schema?.enum;
        if (values?.length) return [...values];
      }
    }
  } catch {
    // An engine without the document still reports by the base groupings.
  }
  return [...BASE_GROUPINGS];
}

export const getReportCsv = async (api: ApiClient, eventId: string, by: ReportGrouping) =>
  api.text(reportPath(eventId, by, 'csv'));
