import { describe, expect, it } from 'vitest';
import { parseLabelFile } from '../../src/ingest/label-file.js';

describe('label files', () => {
  it('reads id,label CSV (with extra columns, source, two labels in a cell, empty cells skipped)', () => {
    const csv = 'id,label,text\nx:1,complaint,"a, b"\n2,negative complaint,c\n3,,d\n\'4,Not-Complaint,e\n';
    expect(parseLabelFile(csv, 'csv')).toEqual({
      rows: [
        { ref: 'x:1', labels: ['complaint'], line: 2 },
        { ref: '2', labels: ['negative', 'complaint'], line: 3 },
        { ref: '4', labels: ['not-complaint'], line: 5 },
      ],
      problems: [],
    });
    expect(parseLabelFile('id,source,label\n7,reddit,positive\n', 'csv').rows).toEqual([{ ref: 'reddit:7', labels: ['positive'], line: 2 }]);
  });

  it('reads JSONL and names the line of each problem', () => {
    const jsonl = '{"id":"1","label":"neutral"}\n{"id":2,"label":"angry"}\nnot json\n{"label":"complaint"}\n{"id":"5","label":"negative positive"}\n';
    const { rows, problems } = parseLabelFile(jsonl, 'jsonl');
    expect(rows).toEqual([{ ref: '1', labels: ['neutral'], line: 1 }]);
    expect(problems).toEqual([
      { line: 2, message: '"angry" is not a label' },
      { line: 3, message: 'not valid JSON' },
      { line: 4, message: 'no id' },
      { line: 5, message: '"negative positive" gives two labels of one kind' },
    ]);
  });

  it('reads safety labels, alone or with one label of each other kind, and refuses two of them in one cell', () => {
    const csv = 'id,label\n1,safety\n2,Not-Safety\n3,negative complaint safety\n4,safety not-safety\n';
    expect(parseLabelFile(csv, 'csv')).toEqual({
      rows: [
        { ref: '1', labels: ['safety'], line: 2 },
        { ref: '2', labels: ['not-safety'], line: 3 },
        { ref: '3', labels: ['negative', 'complaint', 'safety'], line: 4 },
      ],
      problems: [{ line: 5, message: '"safety not-safety" gives two labels of one kind' }],
    });
    expect(parseLabelFile('{"id":"9","label":"not-complaint safety"}\n', 'jsonl').rows).toEqual([{ ref: '9', labels: ['not-complaint', 'safety'], line: 1 }]);
  });

  it('reads intent labels (question, suggestion, handled and their nots), one of each kind in a cell, and refuses two of one kind', () => {
    const csv = 'id,label\n1,question\n2,not-question suggestion handled\n3,negative complaint not-suggestion\n4,question not-question\n5,handled not-handled\n';
    expect(parseLabelFile(csv, 'csv')).toEqual({
      rows: [
        { ref: '1', labels: ['question'], line: 2 },
        { ref: '2', labels: ['not-question', 'suggestion', 'handled'], line: 3 },
        { ref: '3', labels: ['negative', 'complaint', 'not-suggestion'], line: 4 },
      ],
      problems: [
        { line: 5, message: '"question not-question" gives two labels of one kind' },
        { line: 6, message: '"handled not-handled" gives two labels of one kind' },
      ],
    });
  });

  it('refuses a CSV without id or label columns', () => {
    expect(parseLabelFile('mention,label\n1,complaint\n', 'csv').problems).toEqual([{ line: 1, message: 'the header has no id column' }]);
    expect(parseLabelFile('id,sentiment_label\n1,negative\n', 'csv').problems).toEqual([{ line: 1, message: 'the header has no label column' }]);
  });
});
