import { Command, Option } from 'commander';
import { renderFitted } from '../../report/fit-table.js';
import { clipText, shortTime } from '../../report/table.js';
import { LABEL_KINDS, type HumanLabel, type LabelKind } from '../../store/store.js';
import { withContext } from '../context.js';
import { checkBrand } from '../brands.js';
import { addBrandOption, addFormatOption, chooseFormat, parsePositiveInt, wideOption } from '../options.js';

interface LabelsFlags {
  brand?: string;
  kind?: LabelKind;
  limit: number;
  format?: 'table' | 'json';
  wide?: boolean;
}

const command = new Command('labels')
  .description('the labels people gave (earshot label), newest first; undo one with: earshot label ID --clear KIND')
  .addOption(new Option('--kind <kind>', 'only labels of this kind').choices([...LABEL_KINDS]))
  .option('--limit <n>', 'at most this many labels', parsePositiveInt('--limit'), 100)
  .addOption(wideOption());
addBrandOption(command, 'only mentions of this brand');

export const labelsCommand = addFormatOption(command, ['table', 'json'], 'tty')
  .addHelpText('after', '\nExamples:\n  $ earshot labels --brand "Clipper Teas"\n  $ earshot labels --kind complaint --format json')
  .action(withContext(async (ctx, flags: LabelsFlags) => {
    const store = await ctx.readStore();
    const brand = flags.brand === undefined ? undefined : await checkBrand(ctx, store, flags.brand);
    const labels = await store.humanLabels({ brand, kind: flags.kind, limit: flags.limit });
    if (chooseFormat(flags.format, { isTTY: process.stdout.isTTY }) === 'json') ctx.out.data(JSON.stringify(labels, null, 2));
    else ctx.out.data(labels.length ? renderLabels(labels, ctx.out.color, ctx.tableWidth(flags.wide)) : 'No labels yet (earshot review lists mentions worth labelling).');
  }));

/** In a narrow terminal the text is cut, then the brand and the time go. */
const LABEL_COLUMNS = [
  { head: 'labelled', drop: 1 }, { head: 'id' }, { head: 'brand', drop: 2, shrink: true, min: 10 }, { head: 'kind' }, { head: 'label' },
  { head: 'text', shrink: true, min: 20 },
];

function renderLabels(labels: HumanLabel[], color: boolean, width: number | null): string {
  return renderFitted(
    LABEL_COLUMNS,
    labels.map((l) => [shortTime(l.labeledAt), `${l.source}:${l.id}`, clipText(l.brand, 20), l.kind, l.label, clipText(l.text, 50)]),
    width,
    color,
  );
}
