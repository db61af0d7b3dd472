// The door link for a scanner phone (POST /events/:id/door-link): the engine makes a door key
// (dk_…), which may only scan tickets, and answers the door page's path with it in the fragment.
import type { ApiClient } from './client.ts';

export interface DoorLinkView {
  keyId: string;
  prefix: string;
  key: string;
  /** `/door/<event>#key=dk_…`, relative to the engine. */
  path: string;
}

export const createDoorLink = async (api: ApiClient, eventId: string): Promise<DoorLinkView> =>
  (await api.request<DoorLinkView>('POST', `/events/${encodeURIComponent(eventId)}/door-link`))
    .body;
