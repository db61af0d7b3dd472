// The three states every data page shows before its content: loading, error (with a retry) and
// empty (with what to do next). Screen readers hear each through role=status/alert.
import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return (
    <p className="page-state" role="status" aria-busy="true">
      {what}
    </p>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="page-state error-box" role="alert">
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="page-state empty">{children}</div>;
}
