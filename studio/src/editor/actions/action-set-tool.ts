// Switching tools, by toolbar button or by the tool's single-key shortcut.
import { register } from '../action.ts';
import { TOOLS } from '../tools/index.ts';
import type { ToolId } from '../types.ts';

export const actionSetTool = register<ToolId>({
  name: 'setTool',
  label: 'Choose tool',
  keyTest: (k) =>
    !k.mod && !k.altKey && !k.shiftKey && TOOLS.some((t) => t.key === k.key.toLowerCase()),
  fromKey: (k) => TOOLS.find((t) => t.key === k.key.toLowerCase())?.id ?? 'select',
  perform({ appState }, tool) {
    if (!TOOLS.some((t) => t.id === tool) || appState.tool === tool) return false;
    return { appState: { tool, preview: null, selectedIds: [] }, captureUpdate: 'NEVER' };
  },
});
