// Request and answer schemas of the staff-management routes (parsing and OpenAPI share them).
import { z } from 'zod';
import { STAFF_ROLES } from './roles.ts';

const Role = z
  .enum(STAFF_ROLES, { error: `role must be one of ${STAFF_ROLES.join(', ')}` })
  .describe(
    '`owner`: everything (staff and keys included); `designer`: seat maps and events; `boxoffice`: holds, bookings, blocks, reports; `viewer`: reads only',
  );

export const MemberParams = z.strictObject({
  userId: z.string().min(1).max(100).describe('The member (a user id, as GET /members lists it)'),
});

export const AddMemberBody = z.strictObject({
  // Trimmed first, so an address pasted with spaces around it is still found.
  email: z
    .string({ error: 'email must be an email address' })
    .trim()
    .pipe(z.email({ error: 'email must be an email address' }).max(320))
    .describe(
      "An existing user's email (users are created by the installation's operator with `parterre user create`)",
    ),
  role: Role,
});

export const ChangeRoleBody = z.strictObject({ role: Role });

export const MemberView = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  since: z.iso.datetime().describe('When the membership began'),
});

export const MemberList = z.object({ members: z.array(MemberView) });

export const RemovedMember = z.object({
  userId: z.string(),
  removed: z.literal(true),
  revokedDoorKeys: z
    .array(z.string())
    .describe('Ids of the door keys the member had made here, revoked with the membership'),
});
