// The number in a new record's default label ("Table 4", "Section 2", "Standing 3"): one past the
// highest already used, not one past the count. With tables 1 and 3 left after deleting 2, the
// count would give a second "Table 3", and two tables of one label confuse the box office.

/**
 * 1 + the largest n among labels reading exactly `${prefix} n`; 1 when there is none. Renamed
 * records ("VIP") do not count.
 * @example nextLabelNumber(['Table 1', 'Table 3', 'VIP'], 'Table') // 4
 */
export function nextLabelNumber(labels: Iterable<string>, prefix: string): number {
  let highest = 0;
  for (const label of labels) {
    if (!label.startsWith(`${prefix} `)) continue;
    const digits = label.slice(prefix.length + 1);
    if (/^\d{1,9}$/.test(digits)) highest = Math.max(highest, Number(digits));
  }
  return highest + 1;
}
