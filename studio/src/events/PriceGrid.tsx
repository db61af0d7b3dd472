// One price field per category (rows) × price type (columns), in major units ("45.00").
import { cellKey } from './price-grid.ts';

interface Props {
  readonly categories: readonly { key: string; label: string; color: string }[];
  readonly priceTypes: readonly string[];
  readonly cells: Readonly<Record<string, string>>;
  readonly currency: string;
  readonly problems: Readonly<Record<string, string>>;
  readonly onChange: (key: string, value: string) => void;
}

export function PriceGrid({ categories, priceTypes, cells, currency, problems, onChange }: Props) {
  if (categories.length === 0) {
    return <p className="muted">This plan version has no price categories.</p>;
  }
  return (
    <table className="price-grid" aria-label="Prices">
      <thead>
        <tr>
          <th scope="col">Category</th>
          {priceTypes.map((t) => (
            <th key={t} scope="col">
              {t} ({currency})
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {categories.map((c) => (
          <tr key={c.key}>
            <th scope="row">
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.label}
            </th>
            {priceTypes.map((t) => {
              const key = cellKey(c.key, t);
              const problem = problems[key];
              return (
                <td key={t} className={problem ? 'invalid' : undefined}>
                  <input
                    inputMode="decimal"
                    aria-label={`${c.label} ${t} price`}
                    aria-invalid={problem ? true : undefined}
                    value={cells[key] ?? ''}
                    placeholder="not sold"
                    onChange={(e) => onChange(key, e.target.value)}
                  />
                  {problem && <span className="field-problem">{problem}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
