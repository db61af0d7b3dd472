// Autosave of the draft: a quiet moment after each edit, the document is PUT with If-Match of
// the draft version it was loaded or last saved as. A 412 means someone else saved in between:
// saving stops in "conflict" until the person chooses to reload theirs or keep (overwrite with)
// their own.
import type { SeatmapDocument } from '@parterre/seatmaps';
import { openDocument, serializeDocument } from '../editor/document-io.ts';
import type { Editor } from '../editor/editor.ts';
import { ApiError, type ApiClient } from './client.ts';
import { getSeatmap, saveDraft } from './seatmaps-api.ts';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

export interface SaveStatus {
  readonly state: SaveState;
  readonly draftVersion: number;
  /** Plain words for the person: what happened and what they can do. */
  readonly message: string;
}

export class Autosave {
  private status: SaveStatus;
  private saved: SeatmapDocument;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly editor: Editor,
    private readonly api: ApiClient,
    readonly mapId: string,
    draftVersion: number,
    private readonly delayMs = 1200,
  ) {
    this.saved = editor.document;
    this.status = { state: 'saved', draftVersion, message: 'All changes saved' };
    this.unsubscribe = editor.subscribe(() => this.onChange());
  }

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: SaveState, message: string, draftVersion = this.status.draftVersion): void {
    this.status = { state, message, draftVersion };
    for (const l of this.listeners) l();
  }

  private onChange(): void {
    if (this.editor.document === this.saved || this.status.state === 'conflict') return;
    if (this.status.state !== 'saving') this.set('dirty', 'Unsaved changes');
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(), this.delayMs);
  }

  /** Saves now if there is anything to save; resolves when the engine has answered. */
  async saveNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) await this.inFlight;
    if (this.editor.document === this.saved || this.status.state === 'conflict') return;
    this.inFlight = this.put(this.editor.document, this.status.draftVersion);
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.editor.document !== this.saved && this.status.state === 'dirty') await this.saveNow();
  }

  private async put(doc: SeatmapDocument, version: number): Promise<void> {
    this.set('saving', 'Saving…');
    try {
      const saved = await saveDraft(this.api, this.mapId, serializeDocument(doc), version);
      this.saved = doc;
      const pending = this.editor.document !== doc;
      this.set(
        pending ? 'dirty' : 'saved',
        pending ? 'Unsaved changes' : 'All changes saved',
        saved.draftVersion,
      );
    } catch (err) {
      const e = err as ApiError;
      if (e instanceof ApiError && e.status === 412) {
        this.set(
          'conflict',
          'Someone else saved this seat map while you were editing. Reload to see their version (your unsaved changes are dropped), or keep yours to replace theirs.',
        );
      } else {
        this.set(
          'error',
          `Not saved: ${e.message}. Your changes are kept here; saving retries on the next edit.`,
        );
      }
    }
  }

  /** Conflict answer: drop local changes and open the version on the engine. */
  async reload(): Promise<void> {
    const record = await getSeatmap(this.api, this.mapId);
    const opened = openDocument(record.document);
    if (!opened.ok) throw new Error(opened.message);
    this.saved = opened.document;
    this.editor.load(opened.document);
    this.set('saved', 'Reloaded the latest version', record.draftVersion);
  }

  /** Conflict answer: save this document over the engine's current draft. */
  async keepMine(): Promise<void> {
    const record = await getSeatmap(this.api, this.mapId);
    this.status = { ...this.status, state: 'dirty', draftVersion: record.draftVersion };
    await this.put(this.editor.document, record.draftVersion);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe();
    this.listeners.clear();
  }
}
