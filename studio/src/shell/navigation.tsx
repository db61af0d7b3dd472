// Moving between pages without reloading: the address bar is the source of truth (routes.ts);
// navigate() pushes a new entry and every useRoute() re-reads it, as does the back button.
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { parseRoute, routeHref, type Route } from './routes.ts';

/** The studio's base path; the same as `base` in vite.config.ts and the engine's mount point. */
export const BASE = '/studio/';

const CHANGE = 'parterre:navigate';

const current = (): Route => parseRoute(window.location.pathname, window.location.search, BASE);

/** Shows `route` (a new history entry unless `replace`). */
export function navigate(route: Route, replace = false): void {
  const href = routeHref(route, BASE);
  if (replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(CHANGE));
}

/** The page the address bar names, kept current across navigate() and back/forward. */
export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('popstate', update);
    window.addEventListener(CHANGE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(CHANGE, update);
    };
  }, []);
  return route;
}

interface LinkProps {
  readonly to: Route;
  readonly children: ReactNode;
  readonly className?: string;
  readonly current?: boolean;
  readonly label?: string;
}

/** A real link (opens in a new tab with a modifier) that navigates in place on a plain click. */
export function Link({ to, children, className, current: isCurrent, label }: LinkProps) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <a
      href={routeHref(to, BASE)}
      onClick={onClick}
      className={className}
      aria-current={isCurrent ? 'page' : undefined}
      aria-label={label}
    >
      {children}
    </a>
  );
}
