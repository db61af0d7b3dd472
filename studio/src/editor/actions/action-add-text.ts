// Adds a text label at a world point on the active level.
import { brand, type Point, type TextId } from '@parterre/seatmaps';
import { register } from '../action.ts';
import { freshId } from '../element-index.ts';

export const actionAddText = register<{ readonly at: Point; readonly text?: string }>({
  name: 'addText',
  label: 'Add text',
  perform({ document: doc, appState }, { at, text }) {
    const content = (text ?? 'Label').trim();
    if (!content || content.length > 500) return false;
    const label = {
      type: 'text' as const,
      id: brand<TextId>(freshId(doc, `text-${doc.texts.length + 1}`)),
      level: appState.activeLevel,
      x: at.x,
      y: at.y,
      text: content,
      fontSize: 24,
      rotation: 0,
      color: '#222222',
      version: 1,
      updated: Date.now(),
    };
    return {
      document: { ...doc, texts: [...doc.texts, label] },
      appState: { selectedIds: [label.id], tool: 'select' },
      captureUpdate: 'IMMEDIATELY',
    };
  },
});
