// Row properties: generator parameters and numbering, edited after the fact (regenerateRow keeps
// the first seats' ids, categories and flags).
import type { Row } from '@parterre/seatmaps';
import { actionUpdateRow, type RowPatch } from '../editor/actions/action-update-row.ts';
import type { Editor } from '../editor/editor.ts';
import { NumberField } from './NumberField.tsx';
import { TextField } from './TextField.tsx';

export function RowInspector({ editor, row }: { editor: Editor; row: Row }) {
  const g = row.generator;
  const update = (patch: Omit<RowPatch, 'rowId'>) =>
    editor.run(actionUpdateRow, { rowId: row.id, ...patch });
  const n = row.numbering;
  return (
    <section aria-label="Row">
      <h3>Row {row.label}</h3>
      <TextField label="Row label" value={row.label} onCommit={(label) => update({ label })} />
      {g.kind !== 'manual' && (
        <>
          <NumberField
            label="Seats"
            integer
            min={1}
            max={1000}
            value={g.count}
            onCommit={(count) => update({ count })}
          />
          <NumberField
            label="Seat spacing"
            min={1}
            value={g.spacing}
            onCommit={(spacing) => update({ spacing })}
          />
        </>
      )}
      {g.kind === 'straight' && (
        <NumberField label="Skew" value={g.skew} onCommit={(skew) => update({ skew })} />
      )}
      {g.kind === 'arc' && (
        <NumberField
          label="Curve radius"
          min={1}
          value={g.radius}
          onCommit={(radius) => update({ radius })}
        />
      )}
      {g.kind === 'manual' && <p className="hint">{row.seats.length} hand-placed seats</p>}
      <fieldset>
        <legend>Numbering</legend>
        <NumberField
          label="First number"
          integer
          value={n.start}
          onCommit={(start) => update({ numbering: { start } })}
        />
        <div className="field">
          <label htmlFor={`dir-${row.id}`}>Direction</label>
          <select
            id={`dir-${row.id}`}
            value={n.direction}
            onChange={(e) => update({ numbering: { direction: e.target.value as 'ltr' | 'rtl' } })}
          >
            <option value="ltr">Left to right</option>
            <option value="rtl">Right to left</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`pat-${row.id}`}>Pattern</label>
          <select
            id={`pat-${row.id}`}
            value={n.pattern}
            onChange={(e) =>
              update({ numbering: { pattern: e.target.value as 'consecutive' | 'odd' | 'even' } })
            }
          >
            <option value="consecutive">1, 2, 3…</option>
            <option value="odd">Odd: 1, 3, 5…</option>
            <option value="even">Even: 2, 4, 6…</option>
          </select>
        </div>
        <TextField
          label="Prefix"
          value={n.prefix || ' '}
          maxLength={16}
          onCommit={(prefix) => update({ numbering: { prefix: prefix.trim() } })}
        />
      </fieldset>
    </section>
  );
}
