// Tracing a plan: upload a scan or photo as the background, then set its opacity, scale,
// position and lock. The image is stored in the plan as a data URL, so it is kept small.
import { useState } from 'react';
import type { SeatmapDocument } from '@parterre/seatmaps';
import { actionSetBackground } from '../editor/actions/action-background.ts';
import type { Editor } from '../editor/editor.ts';
import { NumberField } from './NumberField.tsx';

/** Plans are saved as JSON of at most 2 MB; the image must leave room for the seats. */
const MAX_IMAGE_BYTES = 1_000_000;

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`Cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export function BackgroundPanel({
  editor,
  document: doc,
}: {
  editor: Editor;
  document: SeatmapDocument;
}) {
  const [error, setError] = useState<string | null>(null);
  const bg = doc.background;
  const upload = async (file: File) => {
    setError(null);
    if (!file.type.startsWith('image/')) return setError(`${file.name} is not an image`);
    if (file.size > MAX_IMAGE_BYTES) {
      return setError(
        `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; use an image under 1 MB (a JPEG of the plan is enough)`,
      );
    }
    editor.run(actionSetBackground, { url: await readDataUrl(file) });
  };
  return (
    <fieldset>
      <legend>Background image</legend>
      <label className="file-button">
        {bg ? 'Replace image…' : 'Trace over an image…'}
        <input
          type="file"
          accept="image/*"
          aria-label="Background image to trace"
          onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])}
        />
      </label>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {bg && (
        <>
          <div className="field">
            <label htmlFor="bg-opacity">Opacity</label>
            <input
              id="bg-opacity"
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={bg.opacity}
              disabled={bg.locked}
              onChange={(e) => editor.run(actionSetBackground, { opacity: Number(e.target.value) })}
            />
          </div>
          {!bg.locked && (
            <>
              <NumberField
                label="Scale"
                min={0.01}
                value={bg.scale}
                onCommit={(scale) => editor.run(actionSetBackground, { scale })}
              />
              <NumberField
                label="Left (x)"
                value={bg.x}
                onCommit={(x) => editor.run(actionSetBackground, { x })}
              />
              <NumberField
                label="Top (y)"
                value={bg.y}
                onCommit={(y) => editor.run(actionSetBackground, { y })}
              />
            </>
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={bg.locked}
              onChange={(e) => editor.run(actionSetBackground, { locked: e.target.checked })}
            />
            Locked
          </label>
          <button type="button" onClick={() => editor.run(actionSetBackground, null)}>
            Remove image
          </button>
        </>
      )}
    </fieldset>
  );
}
