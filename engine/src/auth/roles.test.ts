import { describe, expect, it } from 'vitest';
import { isStaffRole, roleAllows, STAFF_ROLES } from './roles.ts';

describe('roleAllows', () => {
  it('opens viewer routes to everyone, others to their role and the owner', () => {
    const table = Object.fromEntries(
      STAFF_ROLES.map((role) => [role, STAFF_ROLES.filter((req) => roleAllows(role, req))]),
    );
    expect(table).toEqual({
      owner: ['owner', 'designer', 'boxoffice', 'viewer'],
      designer: ['designer', 'viewer'],
      boxoffice: ['boxoffice', 'viewer'],
      viewer: ['viewer'],
    });
  });

  it('recognises roles in untrusted input', () => {
    expect(isStaffRole('boxoffice')).toBe(true);
    expect(isStaffRole('box office')).toBe(false);
    expect(isStaffRole(undefined)).toBe(false);
  });
});
