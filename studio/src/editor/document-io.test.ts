import { describe, expect, it } from 'vitest';
import { openDocument, serializeDocument } from './document-io.ts';
import { actionUpdateRow } from './actions/index.ts';
import { TestEditor } from './test-editor.ts';

const compact = {
  schemaVersion: 2,
  name: 'Arena',
  size: { width: 2000, height: 2000 },
  focalPoint: { x: 1000, y: 0 },
  categories: [{ key: 'A', label: 'A', color: '#112233' }],
  levels: [{ id: 'main', name: 'Main' }],
  sections: [
    {
      type: 'section',
      id: 'north',
      label: 'North',
      level: 'main',
      category: 'A',
      transform: { x: 1000, y: 500 },
      block: { kind: 'rect', rows: 3, seatsPerRow: 4, seatSpacing: 25, rowSpacing: 40 },
    },
  ],
};

describe('document io', () => {
  it('expands blocks on open and folds untouched ones back on save', () => {
    const opened = openDocument(compact);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.document.sections[0]?.rows).toHaveLength(3);
    expect(serializeDocument(opened.document).sections[0]?.rows).toEqual([]);
  });

  it('saves the rows of a block section once a row was edited', () => {
    const opened = openDocument(compact);
    if (!opened.ok) throw new Error(opened.message);
    const ed = new TestEditor(opened.document);
    ed.run(actionUpdateRow, { rowId: 'north-A', count: 6 });
    const saved = serializeDocument(ed.document).sections[0];
    expect(saved?.rows.map((r) => r.seats.length)).toEqual([6, 4, 4]);
  });

  it('explains what is wrong with a bad document', () => {
    const result = openDocument({ ...compact, schemaVersion: 99 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/not a valid seat map: .*schemaVersion/);
    expect(openDocument('hello').ok).toBe(false);
  });
});
