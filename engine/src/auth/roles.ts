// Staff roles per organisation. They are not a ladder: a designer edits seat maps but may not
// sell, a box office sells but may not edit maps, an owner does everything (keys included), and a
// viewer only reads. Each route names the one role it needs; the owner always passes.

/** The roles a user can have in an organisation. */
export const STAFF_ROLES = ['owner', 'designer', 'boxoffice', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Type guard for untrusted input (database rows, CLI options). */
export function isStaffRole(value: unknown): value is StaffRole {
  return (STAFF_ROLES as readonly unknown[]).includes(value);
}

/**
 * Whether a member with `role` may call a route that needs `required`: viewer routes are open to
 * every member, others to members with that very role, and the owner may call everything.
 * @example roleAllows('boxoffice', 'designer') // false
 */
export function roleAllows(role: StaffRole, required: StaffRole): boolean {
  return role === 'owner' || required === 'viewer' || role === required;
}
