import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DbUnavailable, NotFound } from '../db/errors.ts';
import { DomainError } from '../errors.ts';
import { problemHandler, problemOf, RequestValidationError, toDomainError } from './problem.ts';
import { requestLog } from './request-log.ts';

describe('toDomainError', () => {
  it('lists every zod issue under its field path, prefixed by where it was found', () => {
    const schema = z.strictObject({ seats: z.array(z.string()), n: z.number() });
    const issues = schema.safeParse({ seats: ['a', 1], extra: true }).error!.issues;
    const body = toDomainError(new RequestValidationError('body', issues))!;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.details.fields!).sort()).toEqual(['(body)', 'n', 'seats[1]']);
    const query = toDomainError(new RequestValidationError('query', issues))!;
    expect(Object.keys(query.details.fields!)).toContain('query.seats[1]');
  });

  it('maps persistence and body-parser errors, and leaves unknown errors to the 500 path', () => {
    expect(toDomainError(new NotFound('seatmap', 'sm_1'))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(toDomainError(new DbUnavailable('down'))).toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    const parse = Object.assign(new SyntaxError('Unexpected end of JSON input'), {
      type: 'entity.parse.failed',
    });
    expect(toDomainError(parse)?.message).toBe(
      'Request body is not valid JSON: Unexpected end of JSON input',
    );
    expect(toDomainError(new Error('Connection is closed.'))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(toDomainError(new TypeError('x is undefined'))).toBeNull();
    expect(toDomainError('a string')).toBeNull();
  });
});

describe('problemOf', () => {
  it('spreads the details next to the RFC 9457 members', () => {
    const err = new DomainError('SEATS_UNAVAILABLE', 'Not available: seats A-1', {
      seats: ['A-1'],
    });
    expect(problemOf(err, 'req-1')).toEqual({
      type: '/api/v1/docs#problem-SEATS_UNAVAILABLE',
      title: 'Seats unavailable',
      status: 409,
      detail: 'Not available: seats A-1',
      code: 'SEATS_UNAVAILABLE',
      seats: ['A-1'],
      requestId: 'req-1',
    });
  });
});

describe('problemHandler', () => {
  it('answers unexpected errors with 500 INTERNAL, hiding internals and logging them with the request id', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
    const app = express();
    app.use(requestLog(pino({ level: 'silent' })));
    app.get('/boom', () => {
      throw new Error('secret connection string postgres://u:p@db');
    });
    app.use(problemHandler(logger));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}/boom`, {
        headers: { 'x-request-id': 'r-500' },
      });
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const text = await res.text();
      expect(text).not.toMatch(/secret|postgres|Error:|at /);
      expect(JSON.parse(text)).toMatchObject({ code: 'INTERNAL', status: 500, requestId: 'r-500' });
      expect(lines).toContainEqual(
        expect.objectContaining({
          requestId: 'r-500',
          msg: 'request failed',
          err: expect.objectContaining({ message: expect.stringContaining('secret') }),
        }),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
