import { describe, expect, it } from 'vitest';
import { lastCompletePeriod } from '../../src/core/digest.js';

describe('lastCompletePeriod: the UTC day or Monday-to-Monday week before --at', () => {
  it.each([
    ['day', '2026-12-01T09:31:00Z', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ['day', '2026-12-01T00:00:00Z', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ['day', '2026-12-01T23:59:59.999Z', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'],
    ['day', '2024-03-01T05:00:00Z', '2024-02-29T00:00:00.000Z', '2024-03-01T00:00:00.000Z'],
    // 2026-12-01 is a Tuesday: the last complete week is Monday 23 Nov to Monday 30 Nov
    ['week', '2026-12-01T09:31:00Z', '2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
    ['week', '2026-11-30T00:00:00Z', '2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z'],
    ['week', '2026-11-29T23:59:00Z', '2026-11-16T00:00:00.000Z', '2026-11-23T00:00:00.000Z'],
    ['week', '1970-01-05T00:00:00Z', '1969-12-29T00:00:00.000Z', '1970-01-05T00:00:00.000Z'],
  ] as const)('%s at %s is %s to %s', (period, at, start, end) => {
    const p = lastCompletePeriod(period, new Date(at));
    expect([p.start.toISOString(), p.end.toISOString()]).toEqual([start, end]);
  });
});
