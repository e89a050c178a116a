import { describe, expect, it } from 'vitest';
import { parseMentionRecord, parseTimestamp } from '../../src/ingest/parse-row.js';

const good = { id: '1', source: 'x', created_at: '2026-11-20T10:00:00Z', text: 'hi', brand: 'Acme' };

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-20T10:00:00Z', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T10:00:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20 10:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T12:00:00+02:00', '2026-11-20T10:00:00.000Z'],
    ['2026-11-20T12:00:00.123456+0200', '2026-11-20T10:00:00.123Z'],
  ])('%s → %s', (input, expected) => expect(parseTimestamp(input)).toBe(expected));

  it.each(['2026-02-30', '2026-13-01', '20/11/2026', 'yesterday', '2026-11-20T25:00', ''])('rejects %s', (input) => {
    expect(parseTimestamp(input)).toBeNull();
  });
});

describe('parseMentionRecord', () => {
  it('accepts a full row and keeps ids as strings', () => {
    const result = parseMentionRecord({ ...good, metrics: { likes: 2, score: -3 }, author: 'amy', lang: 'en' });
    expect(result).toMatchObject({ ok: true, mention: { id: '1', source: 'x', metrics: { likes: 2, score: -3 }, author: 'amy' } });
  });

  it('takes the brand from --brand when the row has none, and the row wins otherwise', () => {
    const { brand, ...noBrand } = good;
    expect(parseMentionRecord(noBrand, 'Default')).toMatchObject({ ok: true, mention: { brand: 'Default' } });
    expect(parseMentionRecord(good, 'Default')).toMatchObject({ ok: true, mention: { brand } });
  });

  it('reads flat CSV metric columns and blank cells as absent', () => {
    const row = { id: '9', source: 'reddit', created_at: '2026-11-20', text: 'x', brand: 'A', likes: '', score: '12', url: '' };
    expect(parseMentionRecord(row)).toMatchObject({ ok: true, mention: { metrics: { score: 12 }, url: null } });
  });

  it.each([
    [{ ...good, id: undefined }, 'missing required field "id"'],
    [{ ...good, id: 1234567890123456789 }, 'too large to keep exactly'],
    [{ ...good, source: 'X Twitter' }, 'must be one lowercase word'],
    [{ ...good, created_at: 'tuesday' }, 'is not an ISO 8601 date'],
    [{ ...good, text: '   ' }, '"text" is empty'],
    [{ ...good, text: 42 }, '"text" must be a string, got a number'],
    [{ ...good, author: ['a'] }, '"author" must be a string, got an array'],
    [{ ...good, metrics: { likes: 'many' } }, 'metric "likes" must be a whole number'],
    [{ ...good, metrics: [1] }, '"metrics" must be an object'],
    [{ ...good, brand: undefined }, 'no brand'],
    [[1, 2], 'must be a JSON object'],
  ])('rejects %j with a reason', (row, reason) => {
    const result = parseMentionRecord(row);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('lowercases the source and repairs lone surrogates', () => {
    const result = parseMentionRecord({ ...good, source: 'Reddit', text: 'bad \uD800 text' });
    expect(result).toMatchObject({ ok: true, mention: { source: 'reddit', text: 'bad \uFFFD text' } });
  });
});
