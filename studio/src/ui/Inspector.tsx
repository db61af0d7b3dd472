// Properties of the selection: what it is, how many seats it covers, and the edits that apply
// to it (row generator, labels, capacity, chairs, text, category, seat flags).
import { memo } from 'react';
import type { SeatmapDocument } from '@parterre/seatmaps';
import { actionAssignCategory } from '../editor/actions/action-assign-category.ts';
import { actionSetProperties } from '../editor/actions/action-set-properties.ts';
import { actionSetSeatFlags } from '../editor/actions/action-set-seat-flags.ts';
import type { Editor } from '../editor/editor.ts';
import { elementIndex, type ElementRef } from '../editor/element-index.ts';
import { selectedSeatIds } from '../editor/selection.ts';
import { ArrangeButtons } from './ArrangeButtons.tsx';
import { BackgroundPanel } from './BackgroundPanel.tsx';
import { NumberField } from './NumberField.tsx';
import { RowInspector } from './RowInspector.tsx';
import { TextField } from './TextField.tsx';

type SeatFlag = 'accessible' | 'restrictedView' | 'companion';

const SEAT_FLAGS: readonly (readonly [SeatFlag, string])[] = [
  ['accessible', 'Accessible (wheelchair)'],
  ['companion', 'Companion seat'],
  ['restrictedView', 'Restricted view'],
];

interface Props {
  readonly editor: Editor;
  readonly document: SeatmapDocument;
  readonly selectedIds: readonly string[];
}

function record(doc: SeatmapDocument, ref: ElementRef) {
  if (ref.type === 'shape') return doc.shapes[ref.shape];
  if (ref.type === 'text') return doc.texts[ref.text];
  const s = doc.sections[ref.section];
  if (!s || ref.type === 'section') return s;
  if (ref.type === 'row') return s.rows[ref.row];
  if (ref.type === 'table') return s.tables[ref.table];
  if (ref.type === 'ga') return s.gaAreas[ref.ga];
  return (ref.inTable ? s.tables[ref.parent] : s.rows[ref.parent])?.seats[ref.seat];
}

function SingleRecord({
  editor,
  doc,
  id,
  ref,
}: {
  editor: Editor;
  doc: SeatmapDocument;
  id: string;
  ref: ElementRef;
}) {
  const r = record(doc, ref);
  if (!r) return null;
  const set = (patch: Omit<Parameters<typeof actionSetProperties.perform>[1], 'ids'>) =>
    editor.run(actionSetProperties, { ids: [id], ...patch });
  switch (r.type) {
    case 'row':
      return <RowInspector editor={editor} row={r} />;
    case 'section':
      return (
        <section aria-label="Section">
          <h3>Section</h3>
          <TextField label="Section label" value={r.label} onCommit={(label) => set({ label })} />
          <p className="hint">
            {r.rows.length} rows, {r.tables.length} tables, {r.gaAreas.length} standing areas. Drag
            the frame&apos;s handles to resize or rotate (Shift keeps the ratio or turns in 15°
            steps); double-click the outline to edit its points.
          </p>
        </section>
      );
    case 'table':
      return (
        <section aria-label="Table">
          <h3>Table</h3>
          <TextField label="Table label" value={r.label} onCommit={(label) => set({ label })} />
          <NumberField
            label="Chairs"
            integer
            min={1}
            max={64}
            value={r.seatCount}
            onCommit={(seatCount) => set({ seatCount })}
          />
        </section>
      );
    case 'ga':
      return (
        <section aria-label="Standing area">
          <h3>Standing area</h3>
          <TextField label="Area label" value={r.label} onCommit={(label) => set({ label })} />
          <NumberField
            label="Capacity"
            integer
            min={0}
            value={r.capacity}
            onCommit={(capacity) => set({ capacity })}
          />
        </section>
      );
    case 'text':
      return (
        <section aria-label="Text">
          <h3>Text</h3>
          <TextField
            label="Text"
            maxLength={500}
            value={r.text}
            onCommit={(text) => set({ text })}
          />
          <NumberField
            label="Font size"
            min={1}
            max={400}
            value={r.fontSize}
            onCommit={(fontSize) => set({ fontSize })}
          />
        </section>
      );
    case 'shape':
      return (
        <section aria-label="Shape">
          <h3>{r.role === 'stage' ? 'Stage' : 'Shape'}</h3>
          <TextField
            label="Shape label"
            value={r.label ?? ''}
            onCommit={(label) => set({ label })}
          />
        </section>
      );
    default:
      return <h3>Seat {r.label}</h3>;
  }
}

/** Memoised: camera moves re-render the screen, not the panels. */
export const Inspector = memo(function Inspector({ editor, document: doc, selectedIds }: Props) {
  if (selectedIds.length === 0) {
    return (
      <section className="panel" aria-label="Inspector">
        <h2>Inspector</h2>
        <p className="hint">
          Select something to edit it. Draw rows with R (straight) or C (curved), blocks with B.
        </p>
        <BackgroundPanel editor={editor} document={doc} />
      </section>
    );
  }
  const refs = elementIndex(doc);
  const seats = selectedSeatIds(doc, selectedIds);
  const single = selectedIds.length === 1 ? refs.get(selectedIds[0] as string) : undefined;
  const seatRecords = seats
    .slice(0, 5000)
    .map((id) => refs.get(id))
    .map((ref) => (ref ? record(doc, ref) : undefined));
  const all = (flag: SeatFlag) =>
    seatRecords.length > 0 && seatRecords.every((s) => s?.type === 'seat' && s[flag] === true);
  return (
    <section className="panel" aria-label="Inspector">
      <h2>Inspector</h2>
      <p className="hint" data-testid="selection-summary">
        {selectedIds.length} selected · {seats.length} seats
      </p>
      <ArrangeButtons editor={editor} count={selectedIds.length} />
      {single && (
        <SingleRecord editor={editor} doc={doc} id={selectedIds[0] as string} ref={single} />
      )}
      <div className="field">
        <label htmlFor="assign-category">Category</label>
        <select
          id="assign-category"
          value=""
          onChange={(e) =>
            editor.run(actionAssignCategory, e.target.value === '-' ? null : e.target.value)
          }
        >
          <option value="" disabled>
            Assign…
          </option>
          {doc.categories.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
          <option value="-">No category (inherit)</option>
        </select>
      </div>
      {seats.length > 0 && (
        <fieldset>
          <legend>Seat flags</legend>
          {SEAT_FLAGS.map(([flag, text]) => (
            <label key={flag} className="check">
              <input
                type="checkbox"
                checked={all(flag)}
                onChange={(e) => editor.run(actionSetSeatFlags, { flag, value: e.target.checked })}
              />
              {text}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
});
