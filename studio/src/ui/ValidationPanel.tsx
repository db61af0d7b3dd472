// Live problems from seatmaps validateSeatmap (checked in a worker shortly after the plan stops
// changing). Clicking a problem selects its culprits.
import { memo } from 'react';
import type { SeatmapDocument } from '@parterre/seatmaps';
import { actionSelect } from '../editor/actions/action-select.ts';
import type { Editor } from '../editor/editor.ts';
import { useValidation } from './use-validation.ts';

const SHOWN = 50;

/** Memoised: camera moves re-render the screen, not the panels. */
export const ValidationPanel = memo(function ValidationPanel({
  editor,
  document: doc,
}: {
  editor: Editor;
  document: SeatmapDocument;
}) {
  const problems = useValidation(doc);
  const errors = problems?.filter((p) => p.severity === 'error').length ?? 0;
  return (
    <section className="panel" aria-label="Problems">
      <h2>
        Problems{' '}
        {problems && (
          <span className={errors ? 'badge error' : 'badge ok'}>
            {problems.length === 0
              ? 'none'
              : `${errors} errors, ${problems.length - errors} warnings`}
          </span>
        )}
      </h2>
      {problems === null && <p className="hint">Checking…</p>}
      {problems?.length === 0 && <p className="hint">Ready to publish.</p>}
      <ul className="problems">
        {problems?.slice(0, SHOWN).map((p, i) => (
          <li key={`${p.code}-${i}`}>
            <button
              type="button"
              className={p.severity}
              onClick={() => editor.run(actionSelect, p.elementIds)}
              disabled={p.elementIds.length === 0}
            >
              {p.message}
            </button>
          </li>
        ))}
      </ul>
      {problems && problems.length > SHOWN && (
        <p className="hint">…and {problems.length - SHOWN} more</p>
      )}
    </section>
  );
});
