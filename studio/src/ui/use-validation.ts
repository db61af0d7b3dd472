// Live validation of the plan: the latest document is checked in a worker a moment after it
// stops changing; answers for older documents are dropped.
import { useEffect, useRef, useState } from 'react';
import { validateSeatmap, type SeatmapDocument, type ValidationProblem } from '@parterre/seatmaps';
import type { ValidationReply, ValidationRequest } from './validation.worker.ts';

const DELAY_MS = 300;

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./validation.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    // No workers (very old browser, locked-down page): validate on the main thread instead.
    return null;
  }
}

/** Problems of `doc`, or `null` while the first check runs. */
export function useValidation(doc: SeatmapDocument): readonly ValidationProblem[] | null {
  const [problems, setProblems] = useState<readonly ValidationProblem[] | null>(null);
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const w = startWorker();
    worker.current = w;
    if (w) {
      w.onmessage = (e: MessageEvent<ValidationReply>) => {
        if (e.data.id === latest.current) setProblems(e.data.problems);
      };
    }
    return () => w?.terminate();
  }, []);
  useEffect(() => {
    const id = ++latest.current;
    const timer = setTimeout(() => {
      const w = worker.current;
      if (w) w.postMessage({ id, document: doc } satisfies ValidationRequest);
      else setProblems(validateSeatmap(doc));
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc]);
  return problems;
}
