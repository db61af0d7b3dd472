import { describe, expect, it } from 'vitest';
import { beginTransaction, quoteLiteral } from './tx-db.ts';

describe('quoteLiteral', () => {
  it('doubles quotes, and backslashes inside an E literal', () => {
    expect(quoteLiteral('org_1')).toBe(`'org_1'`);
    expect(quoteLiteral(`o'r`)).toBe(`'o''r'`);
    expect(quoteLiteral(`a\\'; DROP TABLE x; --`)).toBe(` E'a\\\\''; DROP TABLE x; --'`);
  });
});

describe('beginTransaction', () => {
  it('sets nothing without options', () => {
    expect(beginTransaction(undefined)).toEqual({
      sql: 'BEGIN',
      scope: { orgId: undefined, system: false },
    });
  });

  it('sets the organisation or the bypass in the same batch as BEGIN', () => {
    expect(beginTransaction({ orgId: 'org_1' }).sql).toBe(
      `BEGIN; SELECT set_config('app.org_id', 'org_1', true)`,
    );
    expect(beginTransaction({ system: true })).toEqual({
      sql: `BEGIN; SELECT set_config('app.tenancy_bypass', 'on', true)`,
      scope: { orgId: undefined, system: true },
    });
  });
});
