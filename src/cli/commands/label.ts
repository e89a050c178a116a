import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { applyLabels, clearLabels, type AnyLabel } from '../../core/label.js';
import {
  COMPLAINT_LABELS, INTENT_LABELS, SAFETY_LABELS, SENTIMENT_LABELS, isComplaintLabel, isIntentLabel, isSafetyLabel, isSentimentLabel,
} from '../../domain/mention.js';
import { UsageError, UserError } from '../../errors.js';
import { parseLabelFile, type LabelRow } from '../../ingest/label-file.js';
import type { StoredMention } from '../../domain/mention.js';
import type { Store } from '../../store/store.js';
import { LABEL_KINDS, type LabelKind } from '../../store/store.js';
import { runAnalysisStep } from '../analysis-step.js';
import { withContext, type CliContext } from '../context.js';

const LABELS = [...SENTIMENT_LABELS, ...COMPLAINT_LABELS, ...SAFETY_LABELS, ...INTENT_LABELS];

export const labelCommand = new Command('label')
  .description('correct mentions\' sentiment, complaint, safety, question or suggestion flag, or mark one handled; the human label wins in reports and exports, survives re-analysis and teaches earshot train')
  .argument('[mentions-and-label...]', `one or more mention ids (source:id when ids clash across sources), then ${LABELS.join('|')}`)
  .option('--file <path>', 'labels from a file: id,label CSV or JSONL {"id","label"} (e.g. earshot review --format csv, filled in)')
  .option('--clear [kind]', `remove the mentions' human label of one kind (${LABEL_KINDS.join(', ')}), or of every kind; the model's value comes back`)
  .addHelpText('after', '\nExamples:\n  $ earshot label 1859236457122451456 negative\n  $ earshot label reddit:t3_1abcd neutral'
    + '\n  $ earshot label 1859236457122451456 1859236457122451457 complaint\n  $ earshot label 1859236457122451458 safety'
    + '\n  $ earshot label 1859236457122451459 question\n  $ earshot label 1859236457122451459 handled   # answered: out of the inbox'
    + '\n  $ earshot label --file labels.csv'
    + '\n  $ earshot label 1859236457122451456 --clear complaint   # undo a complaint label (earshot labels lists them)'
    + '\n\nIn a file, a label cell may hold one label of each kind ("negative complaint safety"); empty cells are skipped.'
    + '\nNothing is labelled when any id or label in the file is wrong.')
  .action(withContext(async (ctx, args: string[], flags: { file?: string; clear?: string | true }) => {
    if (flags.clear !== undefined) return runClear(ctx, args, flags.clear, flags.file);
    const rows = flags.file !== undefined ? readRows(flags.file, args) : argumentRows(args);
    const store = await ctx.store();
    const resolved = [];
    for (const row of rows) resolved.push({ row, mention: await findOne(store, row, flags.file), labels: row.labels });
    await applyLabels(store, resolved);
    if (rows.length === 1 && flags.file === undefined) ctx.out.info(`labelled ${resolved[0]!.mention.source}:${resolved[0]!.mention.id} as ${rows[0]!.labels.join(' and ')}`);
    else ctx.out.info(`labelled ${rows.length} mention(s)${flags.file ? ` from ${flags.file}` : ` as ${rows[0]!.labels[0]}`}`);
  }));

function argumentRows(args: string[]): LabelRow[] {
  if (args.length < 2) throw new UsageError('give one or more mention ids and a label', `e.g. earshot label 1859236457122451456 negative, or earshot label --file labels.csv`);
  const label = args[args.length - 1]!;
  if (!isSentimentLabel(label) && !isComplaintLabel(label) && !isSafetyLabel(label) && !isIntentLabel(label)) throw new UsageError(`"${label}" is not a label`, `use one of ${LABELS.join(', ')}`);
  return args.slice(0, -1).map((ref, i) => ({ ref, labels: [label as AnyLabel], line: i + 1 }));
}

function readRows(path: string, args: string[]): LabelRow[] {
  if (args.length > 0) throw new UsageError('give either --file or ids and a label, not both', 'e.g. earshot label --file labels.csv');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'check the path');
  }
  const { rows, problems } = parseLabelFile(text, /\.(jsonl|ndjson|json)$/i.test(path) ? 'jsonl' : 'csv');
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new UserError(`${path} line ${first.line}: ${first.message}; nothing was labelled (${problems.length} problem(s))`, `labels are ${LABELS.join(', ')}`);
  }
  if (rows.length === 0) throw new UserError(`${path} holds no labels`, 'fill in the label column (id,label CSV or JSONL)');
  return rows;
}

/** The row id of the one mention a ref names; with a file, a miss names its line and nothing is written. */
async function findOne(store: Store, row: LabelRow, file: string | undefined): Promise<StoredMention> {
  const where = file ? `${file} line ${row.line}: ` : '';
  const found = await store.findMention(row.ref);
  if (found.length === 0) throw new UserError(`${where}no stored mention has id ${row.ref}${file ? '; nothing was labelled' : ''}`, 'find it with: earshot search WORDS --format json');
  if (found.length > 1) throw new UserError(`${where}id ${row.ref} exists in ${found.map((m) => m.source).join(' and ')}`, `write it as ${found[0]!.source}:${row.ref}`);
  return found[0]!;
}

/** `label ID… --clear [KIND]`: removes human labels, then re-analyses so the model's values come back. */
async function runClear(ctx: CliContext, refs: string[], clear: string | true, file: string | undefined): Promise<void> {
  if (file !== undefined) throw new UsageError('give either --file or --clear', 'e.g. earshot label 1859236457122451456 --clear complaint');
  if (refs.length === 0) throw new UsageError('give the ids of the mentions to clear', 'e.g. earshot label 1859236457122451456 --clear complaint');
  if (clear !== true && !(LABEL_KINDS as readonly string[]).includes(clear)) {
    throw new UsageError(`"${clear}" is not a kind of label`, `use --clear with one of ${LABEL_KINDS.join(', ')}, or alone for every kind`);
  }
  const kinds: readonly LabelKind[] = clear === true ? LABEL_KINDS : [clear as LabelKind];
  const store = await ctx.store();
  const mentions = [];
  for (const [i, ref] of refs.entries()) mentions.push(await findOne(store, { ref, labels: [], line: i + 1 }, undefined));
  const { cleared, reanalyse } = await clearLabels(store, mentions, kinds);
  for (const { mention, kind } of cleared) ctx.out.info(`cleared the ${kind} label of ${mention.source}:${mention.id}`);
  if (cleared.length === 0) {
    throw new UserError(`${refs.join(', ')} ${refs.length === 1 ? 'has' : 'have'} no ${clear === true ? '' : `${clear} `}label to clear`, 'list labels with: earshot labels');
  }
  // the model's values come back with the analysis the clear made stale
  if (reanalyse) await runAnalysisStep(ctx, store);
}
