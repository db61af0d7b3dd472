// Align and distribute buttons for a multiple selection of sections, shapes and texts.
import { actionAlign, actionDistribute, type Alignment } from '../editor/actions/action-align.ts';
import type { Editor } from '../editor/editor.ts';

const ALIGN: readonly [Alignment, string, string][] = [
  ['left', '⇤', 'Align left edges'],
  ['center', '↔', 'Align centres horizontally'],
  ['right', '⇥', 'Align right edges'],
  ['top', '⤒', 'Align top edges'],
  ['middle', '↕', 'Align centres vertically'],
  ['bottom', '⤓', 'Align bottom edges'],
];

export function ArrangeButtons({ editor, count }: { editor: Editor; count: number }) {
  if (count < 2) return null;
  return (
    <fieldset>
      <legend>Arrange</legend>
      <div className="arrange">
        {ALIGN.map(([how, icon, label]) => (
          <button
            key={how}
            type="button"
            aria-label={label}
            title={label}
            onClick={() => editor.run(actionAlign, how)}
          >
            {icon}
          </button>
        ))}
        <button
          type="button"
          disabled={count < 3}
          onClick={() => editor.run(actionDistribute, 'horizontal')}
        >
          Distribute ↔
        </button>
        <button
          type="button"
          disabled={count < 3}
          onClick={() => editor.run(actionDistribute, 'vertical')}
        >
          Distribute ↕
        </button>
      </div>
    </fieldset>
  );
}
