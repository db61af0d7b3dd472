// The door link for a scanner phone (POST /events/:id/door-link): the engine makes a door key
// (dk_…), which may only scan tickets of this one event and expires after it, and answers the door
// page's path with it in the fragment. The event's door keys still valid can be listed and revoked
// by the box office (GET /events/:id/door-keys, DELETE /events/:id/door-keys/:keyId).
import type { ApiClient } from './client.ts';

export interface DoorLinkView {
  keyId: string;
  prefix: string;
  key: string;
  /** `/door/<event>#key=dk_…`, relative to the engine. */
  path: string;
  eventId: string;
  /** ISO time the key stops working. */
  expiresAt: string;
  createdBy: string;
}

/** A door key still valid, as the box office lists it (never the key itself). */
export interface DoorKeyView {
  id: string;
  name: string;
  prefix: string;
  eventId: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  createdBy: string | null;
  createdByName: string | null;
}

const base = (eventId: string) => `/events/${encodeURIComponent(eventId)}`;

export const createDoorLink = async (api: ApiClient, eventId: string): Promise<DoorLinkView> =>
  (await api.request<DoorLinkView>('POST', `${base(eventId)}/door-link`)).body;

export const listDoorKeys = async (api: ApiClient, eventId: string): Promise<DoorKeyView[]> =>
  (await api.request<{ keys: DoorKeyView[] }>('GET', `${base(eventId)}/door-keys`)).body.keys;

export const revokeDoorKey = async (api: ApiClient, eventId: string, keyId: string) => {
  await api.request('DELETE', `${base(eventId)}/door-keys/${encodeURIComponent(keyId)}`);
};
