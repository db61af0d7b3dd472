// A labelled number input that commits on Enter or blur, so typing "24" is one edit (one undo
// step), not two; a value out of range is refused with the reason shown.
import { useEffect, useId, useState } from 'react';

interface Props {
  readonly label: string;
  readonly value: number;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly integer?: boolean;
  readonly onCommit: (value: number) => boolean | void;
}

export function NumberField({ label, value, min, max, step, integer, onCommit }: Props) {
  const id = useId();
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      setError(`${label} must be ${integer ? 'a whole number' : 'a number'}`);
    } else if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      setError(`${label} must be between ${min ?? '−∞'} and ${max ?? '∞'}`);
    } else if (n !== value && onCommit(n) === false) {
      setError(`${label} ${n} does not fit (try another value)`);
    } else {
      setError(null);
      return;
    }
    setText(String(value));
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        value={text}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : 'any')}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
