import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import {
  allocatedWords,
  allocationInput,
  channelInput,
  channelProblem,
  deletedWords,
  parseSeatIds,
  renameInput,
  seatRows,
} from './channel-form.ts';

const seats = [
  { id: 'R1-1', section: 'Stalls', row: 'A' },
  { id: 'R1-2', section: 'Stalls', row: 'A' },
  { id: 'R2-1', section: 'Stalls', row: 'B' },
  { id: 'B1-1', section: 'Balcony', row: 'A' },
];

describe('channel forms', () => {
  it('reads typed seat ids separated by commas, spaces or lines, without repeats', () => {
    expect(parseSeatIds(' R1-1, R1-2\nR1-1;R2-1  ')).toEqual(['R1-1', 'R1-2', 'R2-1']);
    expect(parseSeatIds('  ')).toEqual([]);
  });

  it('groups seats by section and row in layout order', () => {
    expect(seatRows(seats)).toEqual([
      { key: 'Stalls/A', label: 'Stalls, row A', seatIds: ['R1-1', 'R1-2'] },
      { key: 'Stalls/B', label: 'Stalls, row B', seatIds: ['R2-1'] },
      { key: 'Balcony/A', label: 'Balcony, row A', seatIds: ['B1-1'] },
    ]);
  });

  it('needs a name, and a partner organisation for a partner channel', () => {
    expect(channelInput({ kind: 'online', name: ' ', partnerOrgId: '' })).toEqual({
      problem: 'Give the channel a name.',
    });
    expect(channelInput({ kind: 'online', name: ' Web ', partnerOrgId: 'org_x' })).toEqual({
      input: { kind: 'online', name: 'Web' },
    });
    expect(channelInput({ kind: 'partner', name: 'Agency', partnerOrgId: '' })).toHaveProperty(
      'problem',
    );
    expect(channelInput({ kind: 'partner', name: 'Agency', partnerOrgId: 'org_2' })).toEqual({
      input: { kind: 'partner', name: 'Agency', partnerOrgId: 'org_2' },
    });
  });

  it('joins typed seats, picked rows and standing places into one allocation', () => {
    const rows = seatRows(seats);
    expect(allocationInput('R1-1, R9-9', [rows[0]!], { floor: '10', other: '' })).toEqual({
      input: { seats: ['R1-1', 'R9-9', 'R1-2'], ga: [{ areaId: 'floor', quantity: 10 }] },
    });
    expect(allocationInput('', [], { floor: '4' })).toEqual({
      input: { ga: [{ areaId: 'floor', quantity: 4 }] },
    });
    expect(allocationInput('', [], {})).toEqual({
      problem: 'Choose seats or standing places to allocate.',
    });
    expect(allocationInput('', [], { floor: '2.5' })).toEqual({
      problem: 'Standing places must be a whole number above 0 (got “2.5”).',
    });
  });

  it('names the seats that were not free, and says nothing was allocated', () => {
    const err = new ApiError(409, 'SEATS_UNAVAILABLE', 'Not available: seats R1-1', {
      seats: ['R1-1'],
    });
    expect(channelProblem(err)).toBe(
      'Nothing was allocated: R1-1 is not free (held, sold, blocked or in another channel).',
    );
    expect(channelProblem(new ApiError(403, 'FORBIDDEN', 'no'))).toBe(
      'Only the event’s owner can manage its channels.',
    );
    const many = Array.from({ length: 10 }, (_, i) => `S${i}`);
    expect(channelProblem(new ApiError(409, 'SEATS_UNAVAILABLE', 'x', { seats: many }))).toContain(
      'S7 and 2 more are not free',
    );
  });

  it('checks a new name like the engine: trimmed, one line, at most 200 characters', () => {
    expect(renameInput('  Web shop EU ')).toEqual({ name: 'Web shop EU' });
    expect(renameInput('   ')).toEqual({ problem: 'Give the channel a name.' });
    expect(renameInput('two\nlines')).toEqual({
      problem: 'Use one line of plain text for the name.',
    });
    expect(renameInput('x'.repeat(201))).toEqual({
      problem: 'A channel name has at most 200 characters.',
    });
  });

  it('shows the engine’s words when live bookings keep a channel', () => {
    const err = new ApiError(
      409,
      'CHANNEL_IN_USE',
      'Web shop has 2 live bookings: cancel them before deleting the channel',
      { bookings: 2 },
    );
    expect(channelProblem(err)).toBe(
      'Not deleted: Web shop has 2 live bookings: cancel them before deleting the channel.',
    );
  });

  it('says what a deleted channel gave back', () => {
    expect(deletedWords('Web', { seats: ['R1-1'], ga: [] })).toBe(
      'Deleted Web; 1 seat went back to the general sale.',
    );
    expect(deletedWords('Web', { seats: [], ga: [{ areaId: 'floor', quantity: 5 }] })).toBe(
      'Deleted Web; 0 seats and 5 standing places went back to the general sale.',
    );
  });

  it('describes an allocation in the sell-through table', () => {
    const row = {
      channelId: 'ch_1',
      name: 'Web',
      kind: 'online' as const,
      allocated: { seats: 1, ga: [{ areaId: 'floor', quantity: 10 }] },
      sold: { bookings: 0, seats: 0, ga: 0, revenue: [] },
    };
    expect(allocatedWords(row)).toBe('1 seat + 10 standing');
    expect(allocatedWords({ ...row, allocated: { seats: 12, ga: [] } })).toBe('12 seats');
  });
});
