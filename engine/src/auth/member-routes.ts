// REST routes of staff management: an organisation's owners (staff sessions) and secret keys list
// its members, add existing users, change roles and remove members. Like /keys, owner-only: a
// role that hands out roles can give itself everything. Users are created by the operator with
// the CLI; these routes only manage memberships (auth/members.ts).
import type { EngineContext } from '../context.ts';
import type { ApiRouter } from '../http/api-router.ts';
import {
  AddMemberBody,
  ChangeRoleBody,
  MemberList,
  MemberParams,
  MemberView,
  RemovedMember,
} from './member-schemas.ts';
import { addMember, changeMemberRole, listMembers, removeMember } from './members.ts';

/**
 * Registers /members on the API router.
 * @example registerMemberRoutes(api, ctx);
 */
export function registerMemberRoutes(api: ApiRouter, ctx: EngineContext): void {
  api.component(MemberView, 'Member');
  api.add({
    method: 'get',
    path: '/members',
    operationId: 'listMembers',
    summary: "The organisation's staff: each member's user id, email, name, role and since when",
    tag: 'staff',
    access: 'secret',
    role: 'owner',
    responses: { 200: { description: 'The members', schema: MemberList } },
    errors: [],
    handler: async ({ principal }) => ({
      body: { members: await listMembers(ctx.db, principal) },
    }),
  });
  api.add({
    method: 'post',
    path: '/members',
    operationId: 'addMember',
    summary: 'Give an existing user a role in the organisation',
    description:
      "Users are created by the installation's operator with `parterre user create`: an unknown email answers 404 saying so. A user who is a member already answers 409 `ALREADY_MEMBER` (change its role with PATCH /members/{userId}).",
    tag: 'staff',
    access: 'secret',
    role: 'owner',
    body: AddMemberBody,
    responses: { 201: { description: 'Added', schema: MemberView } },
    errors: [404, 409],
    handler: async ({ principal, body }) => ({
      status: 201,
      body: await addMember(ctx.db, principal, body),
    }),
  });
  api.add({
    method: 'patch',
    path: '/members/:userId',
    operationId: 'changeMemberRole',
    summary: "Change a member's role",
    description:
      "Demoting the organisation's last owner answers 409 `LAST_OWNER`: make another member owner first. The member's live sockets re-check their session at once.",
    tag: 'staff',
    access: 'secret',
    role: 'owner',
    params: MemberParams,
    body: ChangeRoleBody,
    responses: { 200: { description: 'The member with its new role', schema: MemberView } },
    errors: [404, 409],
    handler: async ({ principal, params, body }) => ({
      body: await changeMemberRole(ctx.db, ctx.auth, principal, params.userId, body.role),
    }),
  });
  api.add({
    method: 'delete',
    path: '/members/:userId',
    operationId: 'removeMember',
    summary: 'Remove a member: its sessions here end and the door keys it made here are revoked',
    description:
      "In one transaction, then announced to every node: the member's next request answers 401 and its live sockets drop. Removing the last owner (yourself included) answers 409 `LAST_OWNER`.",
    tag: 'staff',
    access: 'secret',
    role: 'owner',
    params: MemberParams,
    responses: { 200: { description: 'Removed', schema: RemovedMember } },
    errors: [404, 409],
    handler: async ({ principal, params }) => ({
      body: { ...(await removeMember(ctx.db, ctx.auth, principal, params.userId)), removed: true },
    }),
  });
}
