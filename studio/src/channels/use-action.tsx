// One form command at a time: busy while it runs, then a message in words (done or refused).
import { useState } from 'react';

export interface ActionMessage {
  readonly tone: 'ok' | 'error';
  readonly text: string;
}

export function useAction(problem: (err: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  /**
   * Runs `task`; its answer is the success message, or null when someone else shows it (`words`
   * may explain a refusal instead).
   */
  const run = async (
    task: () => Promise<string | null>,
    words: (err: unknown) => string = problem,
  ): Promise<boolean> => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await task();
      setMessage(text === null ? null : { tone: 'ok', text });
      return true;
    } catch (err) {
      setMessage({ tone: 'error', text: words(err) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  const fail = (text: string) => setMessage({ tone: 'error', text });
  return { busy, message, run, fail };
}

export function Message({ message }: { message: ActionMessage | null }) {
  if (!message) return null;
  return (
    <p
      className={`notice-box ${message.tone}`}
      role={message.tone === 'error' ? 'alert' : 'status'}
    >
      {message.text}
    </p>
  );
}
