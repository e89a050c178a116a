import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration, parseTimePoint } from '../../src/cli/time.js';
import { configSchema } from '../../src/config/schema.js';
import { durationMs, parseTimestamp } from '../../src/domain/time-input.js';
import { parseTimestamp as importedRowTime } from '../../src/ingest/parse-row.js';

const validEvery = (every: string) => configSchema.safeParse({ brands: [{ name: 'A' }], scan: { every } }).success;

describe('one parser for times and durations', () => {
  it('reads durations in minutes, hours, days and weeks', () => {
    expect(durationMs('30m')).toBe(1_800_000);
    expect(durationMs(' 2.5h ')).toBe(9_000_000);
    expect(durationMs('14D')).toBe(14 * 86_400_000);
    expect(durationMs('2w')).toBe(14 * 86_400_000);
    for (const bad of ['6 hours', '6', 'h', '-1h', '1y', '']) expect(durationMs(bad), bad).toBeNull();
  });

  it('gives the config\'s scan.every exactly the durations the flags take', () => {
    const candidates = fc.oneof(
      fc.tuple(fc.stringMatching(/^\d{1,3}(\.\d)?$/), fc.constantFrom('', ' '), fc.constantFrom('m', 'h', 'd', 'w', 'H', 'y', 's', 'hours')).map((p) => p.join('')),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(fc.property(candidates, (every) => {
      const flag = (() => { try { return parseDuration(every, '--window'); } catch { return null; } })();
      expect(validEvery(every), every).toBe(flag !== null);
      expect(durationMs(every)).toBe(flag);
    }), { numRuns: 300 });
  });

  it('reads the same ISO times for flags, EARSHOT_NOW and imported rows', () => {
    expect(parseTimestamp('2026-11-20')).toBe('2026-11-20T00:00:00.000Z');
    expect(parseTimestamp('2026-11-20T09:00+02')).toBe('2026-11-20T07:00:00.000Z');
    expect(parseTimestamp('2026-02-30')).toBeNull();
    expect(importedRowTime).toBe(parseTimestamp);
    const now = new Date('2026-12-01T00:00:00.000Z');
    expect(parseTimePoint('2026-11-20T09:00Z', '--at', now)).toBe('2026-11-20T09:00:00.000Z');
    expect(parseTimePoint('48h', '--since', now)).toBe('2026-11-29T00:00:00.000Z');
    expect(() => parseTimePoint('yesterday', '--since', now)).toThrow('--since "yesterday" is not a date');
  });
});
