// Picking seats without the map: by what the customer says (section, row, seat or a range) or
// "the best N seats" (which the engine holds for this counter at once).
import { useState } from 'react';

interface Props {
  readonly categories: readonly { key: string; label: string }[];
  readonly busy: boolean;
  readonly onSearch: (query: string) => number;
  readonly onBest: (quantity: number, category: string | undefined) => void;
}

export function FindSeats({ categories, busy, onSearch, onBest }: Props) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<string | null>(null);
  const [quantity, setQuantity] = useState('2');
  const [category, setCategory] = useState('');
  const n = Number(quantity);
  const validN = Number.isInteger(n) && n >= 1 && n <= 100;
  return (
    <section className="find-seats" aria-label="Seat search">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const count = onSearch(query);
          setFound(count ? `Selected ${count} seat${count === 1 ? '' : 's'}.` : 'No seat matches.');
        }}
      >
        <label htmlFor="seat-search">Find seats</label>
        <input
          id="seat-search"
          value={query}
          placeholder="e.g. Stalls A 12, or A 3-6"
          onChange={(e) => {
            setQuery(e.target.value);
            setFound(null);
          }}
        />
        <button type="submit" disabled={!query.trim()}>
          Find
        </button>
        {found && (
          <span role="status" className="muted">
            {found}
          </span>
        )}
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (validN) onBest(n, category || undefined);
        }}
      >
        <label htmlFor="best-n">Best available</label>
        <input
          id="best-n"
          type="number"
          min={1}
          max={100}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          className="narrow"
        />
        <select
          aria-label="Category for best available"
          value={category}
          onChange={(e) => setCategory(e.target.value)}
        >
          <option value="">any category</option>
          {categories.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy || !validN}>
          Find and hold
        </button>
      </form>
    </section>
  );
}
