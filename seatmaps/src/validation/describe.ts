// Plain-English names for records in problem messages: people find a seat by its label and its
// row, not by its id, so messages lead with labels and fall back to ids only when a label is empty.
import type { Row, Section, Table } from '../model/elements.ts';
import type { SeatEntry } from './seat-entries.ts';

const named = (label: string | undefined, id: string) => (label ? `'${label}'` : `(id '${id}')`);

/** "section 'Stalls'" */
export function describeSection(section: Section): string {
  return `section ${named(section.label, section.id)}`;
}

/** "row 'A' of section 'Stalls'" or "table 'Table 1' of section 'Stalls'" */
export function describeContainer(container: Row | Table, section: Section): string {
  return `${container.type} ${named(container.label, container.id)} of ${describeSection(section)}`;
}

/** "seat '12' in row 'A' of section 'Stalls'" */
export function describeSeat(entry: SeatEntry): string {
  const where = entry.container.type === 'row' ? 'in' : 'at';
  return `seat ${named(entry.seat.label, entry.seat.id)} ${where} ${describeContainer(entry.container, entry.section)}`;
}

/** Capitalises the first letter, for messages that start with a description. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lists at most `max` items, then "and N more", so one problem never becomes a wall of text. */
export function listSome(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
