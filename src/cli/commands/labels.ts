import { Command, Option } from 'commander';
import { clipText, renderTable, shortTime } from '../../report/table.js';
import { LABEL_KINDS, type HumanLabel, type LabelKind } from '../../store/store.js';
import { withContext } from '../context.js';
import { checkBrand } from '../names.js';
import { addBrandOption, addFormatOption, parsePositiveInt } from '../options.js';

interface LabelsFlags {
  brand?: string;
  kind?: LabelKind;
  limit: number;
  format: 'table' | 'json';
}

const command = new Command('labels')
  .description('the labels people gave (earshot label), newest first; undo one with: earshot label ID --clear KIND')
  .addOption(new Option('--kind <kind>', 'only labels of this kind').choices([...LABEL_KINDS]))
  .option('--limit <n>', 'at most this many labels', parsePositiveInt('--limit'), 100);
addBrandOption(command, 'only mentions of this brand');

export const labelsCommand = addFormatOption(command, ['table', 'json'], 'table')
  .addHelpText('after', '\nExamples:\n  $ earshot labels --brand "Clipper Teas"\n  $ earshot labels --kind complaint --format json')
  .action(withContext(async (ctx, flags: LabelsFlags) => {
    const store = await ctx.readStore();
    const brand = flags.brand === undefined ? undefined : await checkBrand(ctx, store, flags.brand);
    const labels = await store.humanLabels({ brand, kind: flags.kind, limit: flags.limit });
    if (flags.format === 'json') ctx.out.data(JSON.stringify(labels, null, 2));
    else ctx.out.data(labels.length ? renderLabels(labels, ctx.out.color) : 'No labels yet (earshot review lists mentions worth labelling).');
  }));

function renderLabels(labels: HumanLabel[], color: boolean): string {
  return renderTable(
    ['labelled', 'id', 'brand', 'kind', 'label', 'text'],
    labels.map((l) => [shortTime(l.labeledAt), `${l.source}:${l.id}`, clipText(l.brand, 20), l.kind, l.label, clipText(l.text, 50)]),
    color,
  );
}
