// Workaround 1 of 3 (see forgetful-wink.ts): the English lite model, buildable any number
// of times in one process.
//
// What it works around: wink-eng-lite-web-model's `metaCER()` JSON.stringify-s its
// module-level meta-model object into that same variable before returning it, so each
// wink instance built serialises the previous string once more: the string doubles in
// length every time, and the ~20th instance of a process fails ("Invalid string length").
// The forgetful instances are rebuilt every REBUILD_AFTER learnt words, so a long import
// would reach that.
// What it relies on: wink-nlp calls `theModel.metaCER()` once while building an instance
// (wink-nlp.js `load`, for custom entities) and reads `.machines` and `.transformers` off it.
// On upgrade: check whether the model package still mutates its variable (if not, this
// can go) and that the two JSON paths below still exist; `test/analysis/nlp/wink-instances.test.ts`
// builds 30 instances.
import { createRequire } from 'node:module';
import type { Model } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const require = createRequire(import.meta.url);
const CER_META = {
  machines: JSON.stringify(require('wink-eng-lite-web-model/dist/languages/cur/models/eng-cer-meta-model.json')),
  transformers: require('wink-eng-lite-web-model/dist/cer-transformers.js') as unknown,
};

/** The English lite model, with a metaCER() that gives the same every time (any number of instances). */
export const WINK_MODEL: Model = { ...model, metaCER: () => CER_META } as unknown as Model;
