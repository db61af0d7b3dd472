// What the map's colours mean in the current mode.
import {
  channelColour,
  DIMMED,
  heatColour,
  STATUS_COLOURS,
  STATUS_WORDS,
  type ColourMode,
} from './seat-colors.ts';

export function Legend({
  mode,
  categories,
  channels,
}: {
  mode: ColourMode;
  categories: readonly { key: string; label: string; color: string }[];
  channels: readonly { name: string }[];
}) {
  const items: [string, string][] =
    mode === 'status'
      ? (Object.keys(STATUS_COLOURS) as (keyof typeof STATUS_COLOURS)[]).map((k) => [
          STATUS_WORDS[k],
          STATUS_COLOURS[k],
        ])
      : mode === 'channel'
        ? [
            ['General sale', channelColour(-1)],
            ...channels.map((c, i): [string, string] => [c.name, channelColour(i)]),
            ['Sold or blocked', DIMMED],
          ]
        : mode === 'category'
          ? [
              ...categories.map((c): [string, string] => [c.label, c.color]),
              ['Sold or blocked', DIMMED],
            ]
          : [
              ['Sold first', heatColour(0)],
              ['Sold later', heatColour(0.5)],
              ['Sold last', heatColour(1)],
              ['Not sold', '#dee2e6'],
            ];
  return (
    <ul className="legend" aria-label="Legend">
      {items.map(([label, colour]) => (
        <li key={label}>
          <span className="swatch" style={{ background: colour }} aria-hidden="true" />
          {label}
        </li>
      ))}
      <li>
        <span className="swatch ring" aria-hidden="true" />
        Selected
      </li>
    </ul>
  );
}
