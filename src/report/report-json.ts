import type { Report, ReportSample } from '../domain/report.js';

/**
 * The report as JSON. Every command's JSON names fields in camelCase (docs/commands.md "JSON
 * output"); a sample's time was `created_at` before that was settled, so it comes as
 * `createdAt` and, for scripts written against the old name, still as `created_at`.
 */
export function renderReportJson(report: Report): string {
  return JSON.stringify(report, (key, value: unknown) => (key === 'samples' && Array.isArray(value) ? value.map(camelSample) : value), 2);
}

/** A sample as JSON (report, webhook payloads): `createdAt`, and the old `created_at` beside it. */
export function camelSample(sample: ReportSample) {
  const { created_at: createdAt, ...rest } = sample;
  return { ...rest, createdAt, created_at: createdAt };
}
