// The organisation's staff (owners only): list members, add an existing user by email, change a
// role, remove a member (its sessions end and the door keys it made are revoked at once).
import type { StaffRole } from './auth-api.ts';
import type { ApiClient } from './client.ts';

export type { StaffRole };

/** Every role, in the order the page offers them. */
export const STAFF_ROLES: readonly StaffRole[] = ['owner', 'designer', 'boxoffice', 'viewer'];

export interface MemberView {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
  /** When the membership began (ISO). */
  readonly since: string;
}

const memberPath = (userId: string) => `/members/${encodeURIComponent(userId)}`;

export const listMembers = async (api: ApiClient): Promise<MemberView[]> =>
  (await api.request<{ members: MemberView[] }>('GET', '/members')).body.members;

export const addMember = async (
  api: ApiClient,
  input: { email: string; role: StaffRole },
): Promise<MemberView> => (await api.request<MemberView>('POST', '/members', input)).body;

export const changeMemberRole = async (
  api: ApiClient,
  userId: string,
  role: StaffRole,
): Promise<MemberView> =>
  (await api.request<MemberView>('PATCH', memberPath(userId), { role })).body;

export const removeMember = async (
  api: ApiClient,
  userId: string,
): Promise<{ userId: string; revokedDoorKeys: string[] }> =>
  (await api.request<{ userId: string; revokedDoorKeys: string[] }>('DELETE', memberPath(userId)))
    .body;
