// The staff session routes (/auth/*): log in with email and password (the engine sets an
// HTTP-only cookie), who am I, switch organisation, log out.
import type { ApiClient } from './client.ts';

export type StaffRole = 'owner' | 'designer' | 'boxoffice' | 'viewer';

export interface Membership {
  readonly orgId: string;
  readonly orgName: string;
  readonly role: StaffRole;
}

export interface StaffSession {
  readonly user: { readonly id: string; readonly email: string; readonly name: string };
  readonly organisations: readonly Membership[];
  readonly activeOrg: Membership;
}

export const login = async (api: ApiClient, email: string, password: string) =>
  (await api.request<StaffSession>('POST', '/auth/login', { email, password })).body;

export const me = async (api: ApiClient) =>
  (await api.request<StaffSession>('GET', '/auth/me')).body;

export const switchOrganisation = async (api: ApiClient, orgId: string) =>
  (await api.request<StaffSession>('POST', '/auth/switch', { orgId })).body;

export const logout = async (api: ApiClient): Promise<void> => {
  await api.request('POST', '/auth/logout');
};
