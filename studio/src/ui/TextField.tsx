// A labelled text input that commits on Enter or blur (one edit, one undo step).
import { useEffect, useId, useState } from 'react';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly maxLength?: number;
  readonly onCommit: (value: string) => void;
}

export function TextField({ label, value, maxLength = 64, onCommit }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() && text !== value) onCommit(text);
    else setText(value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        maxLength={maxLength}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
    </div>
  );
}
