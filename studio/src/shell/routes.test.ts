import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, sectionOf, type Route } from './routes.ts';

const B = '/studio/';

describe('routes', () => {
  it('parses every page from its address', () => {
    expect(parseRoute('/studio/', '', B)).toEqual({ page: 'home' });
    expect(parseRoute('/studio', '', B)).toEqual({ page: 'home' });
    expect(parseRoute('/studio/', '?map=sm_1', B)).toEqual({ page: 'map', mapId: 'sm_1' });
    expect(parseRoute('/studio/events', '', B)).toEqual({ page: 'events' });
    expect(parseRoute('/studio/events/', '', B)).toEqual({ page: 'events' });
    expect(parseRoute('/studio/events/new', '?from=ev_2', B)).toEqual({
      page: 'event-new',
      from: 'ev_2',
    });
    expect(parseRoute('/studio/events/ev_3/edit', '', B)).toEqual({
      page: 'event-edit',
      eventId: 'ev_3',
    });
    expect(parseRoute('/studio/boxoffice/ev_1', '', B)).toEqual({
      page: 'boxoffice',
      eventId: 'ev_1',
    });
    expect(parseRoute('/studio/boxoffice', '', B)).toEqual({ page: 'boxoffice', eventId: null });
    expect(parseRoute('/studio/events/ev_3/channels', '', B)).toEqual({
      page: 'event-channels',
      eventId: 'ev_3',
    });
    expect(parseRoute('/studio/series', '', B)).toEqual({ page: 'series' });
    expect(parseRoute('/studio/staff', '', B)).toEqual({ page: 'staff' });
    expect(parseRoute('/studio/reports/ev%201', '', B)).toEqual({
      page: 'reports',
      eventId: 'ev 1',
    });
  });
  it('shows home for unknown addresses', () => {
    expect(parseRoute('/studio/nope', '', B)).toEqual({ page: 'home' });
    expect(parseRoute('/studio/events/x/y', '', B)).toEqual({ page: 'home' });
    expect(parseRoute('/studio/reports/x/edit', '', B)).toEqual({ page: 'home' });
    expect(parseRoute('/studio/series/x', '', B)).toEqual({ page: 'home' });
    expect(parseRoute('/studio/staff/x', '', B)).toEqual({ page: 'home' });
  });
  it('writes addresses that parse back to the same page', () => {
    const routes: Route[] = [
      { page: 'home' },
      { page: 'map', mapId: 'sm 1' },
      { page: 'events' },
      { page: 'event-channels', eventId: 'ev 1' },
      { page: 'series' },
      { page: 'staff' },
      { page: 'event-new', from: null },
      { page: 'event-new', from: 'ev_9' },
      { page: 'event-edit', eventId: 'ev 4' },
      { page: 'boxoffice', eventId: 'ev_1' },
      { page: 'boxoffice', eventId: null },
      { page: 'reports', eventId: 'ev/2' },
    ];
    for (const route of routes) {
      const url = new URL(routeHref(route, B), 'http://x');
      expect(parseRoute(url.pathname, url.search, B)).toEqual(route);
    }
    expect(sectionOf({ page: 'map', mapId: 'a' })).toBe('designer');
    expect(sectionOf({ page: 'event-new', from: null })).toBe('events');
    expect(sectionOf({ page: 'event-edit', eventId: 'x' })).toBe('events');
    expect(sectionOf({ page: 'event-channels', eventId: 'x' })).toBe('events');
    expect(sectionOf({ page: 'series' })).toBe('series');
    expect(sectionOf({ page: 'staff' })).toBe('staff');
  });
});
