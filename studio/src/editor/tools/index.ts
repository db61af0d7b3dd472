// The tool set: one instance of each tool per editor, and the table the toolbar and the
// shortcut dispatcher read (every tool has a key and an accessible name).
import type { Tool } from '../tool.ts';
import type { ToolId } from '../types.ts';
import { BlockTool } from './block-tool.ts';
import { BrushTool } from './brush-tool.ts';
import { RectTableTool, RoundTableTool, TextTool } from './click-tools.ts';
import { GaAreaTool, SectionTool } from './polygon-tool.ts';
import { CurvedRowTool, StraightRowTool } from './row-tools.ts';
import { SelectTool } from './select-tool.ts';
import { ShapeTool } from './shape-tool.ts';
import { StageTool } from './stage-tool.ts';

export interface ToolInfo {
  readonly id: ToolId;
  readonly label: string;
  /** Single key, lower case, that switches to the tool. */
  readonly key: string;
  /** One-line hint shown while the tool is active. */
  readonly hint: string;
}

export const TOOLS: readonly ToolInfo[] = [
  {
    id: 'select',
    label: 'Select',
    key: 'v',
    hint: 'Click to select, drag to move (Shift: one axis), drag on empty space to select seats. Handles resize and rotate; double-click an outline to edit its points.',
  },
  {
    id: 'section',
    label: 'Section outline',
    key: 'p',
    hint: 'Click to add corners; click the first corner or press Enter to close.',
  },
  {
    id: 'straightRow',
    label: 'Straight row',
    key: 'r',
    hint: 'Drag from the first seat to the last.',
  },
  {
    id: 'curvedRow',
    label: 'Curved row',
    key: 'c',
    hint: 'Drag from the first seat to the last; the row curves around the stage.',
  },
  { id: 'block', label: 'Block of rows', key: 'b', hint: 'Drag a rectangle to fill it with rows.' },
  {
    id: 'roundTable',
    label: 'Round table',
    key: 'o',
    hint: 'Click to place a round table with 8 chairs.',
  },
  {
    id: 'rectTable',
    label: 'Rectangular table',
    key: 'e',
    hint: 'Click to place a rectangular table with 6 chairs.',
  },
  {
    id: 'ga',
    label: 'Standing area',
    key: 'g',
    hint: 'Click to add corners; close it to set its capacity.',
  },
  {
    id: 'text',
    label: 'Text',
    key: 't',
    hint: 'Click to place a label, then type it in the inspector.',
  },
  {
    id: 'stage',
    label: 'Stage',
    key: 'f',
    hint: 'Drag a rectangle; its centre becomes the focal point.',
  },
  {
    id: 'shape',
    label: 'Shape',
    key: 'u',
    hint: 'Drag a rectangle for walls, bars or pillars; hold Shift for an ellipse.',
  },
  {
    id: 'brush',
    label: 'Category brush',
    key: 'k',
    hint: 'Drag over seats to give them the category chosen in Categories.',
  },
];

/** Fresh instances of every tool. */
export function createTools(): Record<ToolId, Tool> {
  return {
    select: new SelectTool(),
    section: new SectionTool(),
    straightRow: new StraightRowTool(),
    curvedRow: new CurvedRowTool(),
    block: new BlockTool(),
    roundTable: new RoundTableTool(),
    rectTable: new RectTableTool(),
    ga: new GaAreaTool(),
    text: new TextTool(),
    stage: new StageTool(),
    shape: new ShapeTool(),
    brush: new BrushTool(),
  };
}
