// The studio's pages and their URLs under the base path (/studio/): parsed from and written to
// the address bar, so every page survives a reload and has a shareable link.

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'map'; readonly mapId: string }
  | { readonly page: 'events' }
  | { readonly page: 'event-new'; readonly from: string | null }
  | { readonly page: 'event-edit'; readonly eventId: string }
  | { readonly page: 'event-channels'; readonly eventId: string }
  | { readonly page: 'series' }
  | { readonly page: 'staff' }
  | { readonly page: 'boxoffice'; readonly eventId: string | null }
  | { readonly page: 'reports'; readonly eventId: string | null };

/** The part of `pathname` after `base` ('/studio/'), without surrounding slashes. */
function relative(pathname: string, base: string): string {
  const trimmedBase = base.endsWith('/') ? base : `${base}/`;
  const path = pathname.startsWith(trimmedBase)
    ? pathname.slice(trimmedBase.length)
    : pathname === trimmedBase.slice(0, -1)
      ? ''
      : pathname.replace(/^\//, '');
  return path.replace(/\/+$/, '');
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * The page an address shows; unknown paths show home.
 * @example parseRoute('/studio/boxoffice/ev_1', '', '/studio/') // { page: 'boxoffice', eventId: 'ev_1' }
 */
export function parseRoute(pathname: string, search: string, base: string): Route {
  const params = new URLSearchParams(search);
  const [first = '', second, third, ...rest] = relative(pathname, base).split('/');
  if (rest.length) return { page: 'home' };
  if (third !== undefined) {
    if (first === 'events' && second && third === 'edit') {
      return { page: 'event-edit', eventId: decode(second) };
    }
    return first === 'events' && second && third === 'channels'
      ? { page: 'event-channels', eventId: decode(second) }
      : { page: 'home' };
  }
  switch (first) {
    case '': {
      const mapId = params.get('map');
      return mapId ? { page: 'map', mapId } : { page: 'home' };
    }
    case 'events':
      if (second === 'new') return { page: 'event-new', from: params.get('from') };
      return second === undefined ? { page: 'events' } : { page: 'home' };
    case 'boxoffice':
      return { page: 'boxoffice', eventId: second ? decode(second) : null };
    case 'reports':
      return { page: 'reports', eventId: second ? decode(second) : null };
    case 'series':
      return second === undefined ? { page: 'series' } : { page: 'home' };
    case 'staff':
      return second === undefined ? { page: 'staff' } : { page: 'home' };
    default:
      return { page: 'home' };
  }
}

/**
 * The address of a page (absolute path with query).
 * @example routeHref({ page: 'events' }, '/studio/') // '/studio/events'
 */
export function routeHref(route: Route, base: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  switch (route.page) {
    case 'home':
      return b;
    case 'map':
      return `${b}?map=${encodeURIComponent(route.mapId)}`;
    case 'events':
      return `${b}events`;
    case 'event-new':
      return `${b}events/new${route.from ? `?from=${encodeURIComponent(route.from)}` : ''}`;
    case 'event-edit':
      return `${b}events/${encodeURIComponent(route.eventId)}/edit`;
    case 'event-channels':
      return `${b}events/${encodeURIComponent(route.eventId)}/channels`;
    case 'series':
      return `${b}series`;
    case 'staff':
      return `${b}staff`;
    case 'boxoffice':
      return `${b}boxoffice${route.eventId ? `/${encodeURIComponent(route.eventId)}` : ''}`;
    case 'reports':
      return `${b}reports${route.eventId ? `/${encodeURIComponent(route.eventId)}` : ''}`;
  }
}

/** Which section of the navigation a page belongs to. */
export function sectionOf(
  route: Route,
): 'designer' | 'events' | 'series' | 'boxoffice' | 'reports' | 'staff' {
  switch (route.page) {
    case 'home':
    case 'map':
      return 'designer';
    case 'events':
    case 'event-new':
    case 'event-edit':
    case 'event-channels':
      return 'events';
    default:
      return route.page;
  }
}
