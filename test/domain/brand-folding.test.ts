import { describe, expect, it } from 'vitest';
import { alertTargetSchema, type AlertTarget } from '../../src/config/schema.js';
import { matchesRules, rivalBrands } from '../../src/core/alert.js';
import type { ReportIssue } from '../../src/domain/report.js';

// Brand names compare by their key (NFKC + full case folding) in the store; the alert rules
// in core must fold the same way, or a target naming "STRASSE" would never hear of the
// stored brand "Straße" (toLowerCase gives "straße" ≠ "strasse").
const target = (t: Record<string, unknown>): AlertTarget => alertTargetSchema.parse(t);
const issue = { score: 50, mentions: 20, negativeShare: 0.8, complaintShare: 0.8, safety: false } as unknown as ReportIssue;

describe('alert rules fold brand names as the store does', () => {
  const cases: Array<[string, string]> = [['STRASSE', 'Straße'], ['öko tee', 'ÖKO TEE'], ['ﬁne foods', 'FINE FOODS'], ['Kettleby Tea', 'kettleby tea']];
  it.each(cases)('a target naming %s watches the stored brand %s', (named, stored) => {
    const t = target({ type: 'webhook', url: 'https://example.com/hook', brands: [named] });
    expect(matchesRules(t, stored, issue, new Set())).toBe(true);
  });

  it.each(cases)('a rival declared as %s is left out of targets without brands (stored as %s)', (named, stored) => {
    const rival = target({ type: 'webhook', url: 'https://example.com/rival', kind: 'opportunity', brands: [named] });
    const everyBrand = target({ type: 'webhook', url: 'https://example.com/all' });
    expect(matchesRules(everyBrand, stored, issue, rivalBrands([rival, everyBrand]))).toBe(false);
  });

  it('a different brand is still a different brand', () => {
    const t = target({ type: 'webhook', url: 'https://example.com/hook', brands: ['Strasse Tea'] });
    expect(matchesRules(t, 'Straße', issue, new Set())).toBe(false);
  });
});
