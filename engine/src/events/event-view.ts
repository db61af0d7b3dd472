// An event as the API shows it: without its organisation, with whether it is on sale now.
import type { EventRecord } from './repo.ts';
import { salesState } from './sales-window.ts';

/** The API view of an event (EventView). */
export const view = ({ orgId: _orgId, ...event }: EventRecord) => ({
  ...event,
  onSale: salesState(event, Date.now()) === 'open',
});
