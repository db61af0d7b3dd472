// Request and response schemas of the /auth routes (the OpenAPI document is generated from them).
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from './password.ts';
import { STAFF_ROLES } from './roles.ts';

export const LoginBody = z.strictObject({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  /** The organisation to start in; default the first of the user's by name. */
  orgId: z.string().min(1).max(64).optional(),
});

export const PasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export const SwitchBody = z.strictObject({ orgId: z.string().min(1).max(64) });

const MembershipView = z.object({
  orgId: z.string(),
  orgName: z.string(),
  role: z.enum(STAFF_ROLES),
});

export const SessionViewSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.string() }),
  organisations: z.array(MembershipView),
  activeOrg: MembershipView,
});

export const PasswordResult = z.object({
  /** Other sessions of the user that the change ended. */
  endedSessions: z.number().int(),
});

export const LogoutResult = z.object({ loggedOut: z.literal(true) });
