// Price categories: rename, recolour, add, and assign one to the selection.
import { memo, useState } from 'react';
import type { SeatmapDocument } from '@parterre/seatmaps';
import { actionAssignCategory } from '../editor/actions/action-assign-category.ts';
import { actionAddCategory, actionUpdateCategory } from '../editor/actions/action-categories.ts';
import { actionSetBrushCategory } from '../editor/actions/action-paint-seats.ts';
import type { Editor } from '../editor/editor.ts';

interface Props {
  readonly editor: Editor;
  readonly document: SeatmapDocument;
  readonly hasSelection: boolean;
  /** The category the brush paints with (radio per category). */
  readonly brushCategory: string | null;
}

/** Memoised: camera moves re-render the screen, not the panels. */
export const CategoriesPanel = memo(function CategoriesPanel({
  editor,
  document: doc,
  hasSelection,
  brushCategory,
}: Props) {
  const [name, setName] = useState('');
  const add = () => {
    if (editor.run(actionAddCategory, { label: name })) setName('');
  };
  return (
    <section className="panel" aria-label="Categories">
      <h2>Categories</h2>
      <ul className="categories">
        {doc.categories.map((c) => (
          <li key={c.key}>
            <input
              type="radio"
              name="brush-category"
              aria-label={`Paint ${c.label} with the brush (K)`}
              title="Paint with the brush"
              checked={brushCategory === c.key}
              onChange={() => editor.run(actionSetBrushCategory, c.key)}
            />
            <input
              type="color"
              aria-label={`Colour of ${c.label}`}
              value={c.color}
              onChange={(e) =>
                editor.run(actionUpdateCategory, { key: c.key, color: e.target.value })
              }
            />
            <input
              aria-label={`Name of category ${c.key}`}
              defaultValue={c.label}
              key={c.label}
              onBlur={(e) =>
                e.target.value !== c.label &&
                editor.run(actionUpdateCategory, { key: c.key, label: e.target.value })
              }
              onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
            />
            <button
              type="button"
              disabled={!hasSelection}
              onClick={() => editor.run(actionAssignCategory, c.key)}
              aria-label={`Assign ${c.label} to selection`}
            >
              Assign
            </button>
          </li>
        ))}
      </ul>
      <form
        className="row-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          aria-label="New category name"
          placeholder="New category"
          value={name}
          maxLength={64}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" disabled={!name.trim()}>
          Add
        </button>
      </form>
    </section>
  );
});
