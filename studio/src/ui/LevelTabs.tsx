// One tab per level (floor, tier); the last tab adds a level.
import { useState } from 'react';
import type { SeatmapDocument } from '@parterre/seatmaps';
import { actionAddLevel, actionSetActiveLevel } from '../editor/actions/action-levels.ts';
import type { Editor } from '../editor/editor.ts';

export function LevelTabs({
  editor,
  document: doc,
  active,
}: {
  editor: Editor;
  document: SeatmapDocument;
  active: string;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <div className="levels" role="tablist" aria-label="Levels">
      {doc.levels.map((l) => (
        <button
          key={l.id}
          type="button"
          role="tab"
          aria-selected={l.id === active}
          onClick={() => editor.run(actionSetActiveLevel, l.id)}
        >
          {l.name}
        </button>
      ))}
      {adding ? (
        <input
          autoFocus
          aria-label="New level name"
          placeholder="Level name"
          onBlur={() => setAdding(false)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              editor.run(actionAddLevel, { name: e.currentTarget.value });
              setAdding(false);
            } else if (e.key === 'Escape') setAdding(false);
          }}
        />
      ) : (
        <button type="button" aria-label="Add level" onClick={() => setAdding(true)}>
          +
        </button>
      )}
    </div>
  );
}
