import { describe, expect, it } from 'vitest';
import { CliError } from './errors.ts';
import { lineAndColumn, parseJson } from './io.ts';

describe('parseJson', () => {
  it('parses JSON', () => {
    expect(parseJson('{"a": [1]}', 'x.json')).toEqual({ a: [1] });
  });

  it('names the file, the reason and the line and column of a syntax error', () => {
    const text = '{\n  "a": 1,\n}';
    expect(() => parseJson(text, 'plan.json')).toThrow(
      'plan.json is not valid JSON: Expected double-quoted property name (line 3, column 1)',
    );
  });

  it('points truncated files at their end and exits as an invalid document', () => {
    let error: unknown;
    try {
      parseJson('{"a": ', 'cut.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toBe(
      'cut.json is not valid JSON: Unexpected end of JSON input (line 1, column 7)',
    );
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
