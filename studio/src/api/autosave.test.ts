// Autosave against a stand-in for the engine's draft endpoints (an in-memory draft with a
// version, answering 412 on a stale If-Match exactly as PUT /seatmaps/:id/draft does).
import { describe, expect, it } from 'vitest';
import { actionAddCategory } from '../editor/actions/index.ts';
import { TestEditor } from '../editor/test-editor.ts';
import { Autosave } from './autosave.ts';
import { ApiClient } from './client.ts';

function fakeEngine() {
  const state = { version: 1, document: null as unknown, puts: [] as string[] };
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { etag: `"${state.version}"` } });
    if (init?.method === 'PUT') {
      const match = new Headers(init.headers).get('if-match');
      state.puts.push(match ?? '');
      if (match !== `"${state.version}"`) {
        return json(412, { code: 'PRECONDITION_FAILED', detail: 'stale', status: 412 });
      }
      state.version++;
      state.document = (JSON.parse(String(init.body)) as { document: unknown }).document;
      return json(200, { id: 'm1', draftVersion: state.version, seatCount: 0 });
    }
    if (String(url).endsWith('/seatmaps/m1')) {
      return json(200, {
        id: 'm1',
        name: 'x',
        draftVersion: state.version,
        document: state.document,
        versions: [],
      });
    }
    return json(404, { code: 'NOT_FOUND', detail: 'no' });
  };
  return { state, api: new ApiClient({ baseUrl: 'http://engine', apiKey: 'sk_test', fetch }) };
}

describe('autosave', () => {
  it('saves edits with If-Match of the version it holds', async () => {
    const { state, api } = fakeEngine();
    const ed = new TestEditor();
    const save = new Autosave(ed, api, 'm1', 1, 60_000);
    ed.run(actionAddCategory, { label: 'VIP' });
    expect(save.getStatus().state).toBe('dirty');
    await save.saveNow();
    expect(save.getStatus()).toMatchObject({ state: 'saved', draftVersion: 2 });
    ed.run(actionAddCategory, { label: 'Balcony' });
    await save.saveNow();
    expect(state.puts).toEqual(['"1"', '"2"']);
    save.dispose();
  });

  it('stops in conflict on 412 and resolves by keeping mine or reloading theirs', async () => {
    const { state, api } = fakeEngine();
    const ed = new TestEditor();
    state.document = ed.document;
    const save = new Autosave(ed, api, 'm1', 1, 60_000);
    state.version = 5; // someone else saved meanwhile
    ed.run(actionAddCategory, { label: 'VIP' });
    await save.saveNow();
    expect(save.getStatus().state).toBe('conflict');
    expect(save.getStatus().message).toMatch(/Someone else saved/);
    await save.keepMine();
    expect(save.getStatus()).toMatchObject({ state: 'saved', draftVersion: 6 });
    state.version = 9;
    state.document = { ...ed.document, name: 'Theirs' };
    ed.run(actionAddCategory, { label: 'Box' });
    await save.saveNow();
    await save.reload();
    expect(ed.document.name).toBe('Theirs');
    expect(save.getStatus()).toMatchObject({ state: 'saved', draftVersion: 9 });
    save.dispose();
  });

  it('reports a network failure in plain words and keeps the changes', async () => {
    const api = new ApiClient({
      baseUrl: '',
      apiKey: 'k',
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const ed = new TestEditor();
    const save = new Autosave(ed, api, 'm1', 1, 60_000);
    ed.run(actionAddCategory, { label: 'VIP' });
    await save.saveNow();
    expect(save.getStatus().state).toBe('error');
    expect(save.getStatus().message).toMatch(/Cannot reach the engine/);
    expect(ed.document.categories).toHaveLength(2);
    save.dispose();
  });
});
