// The language models' file, apart from their code: status names its version without loading the NLP pipeline.
import { fileURLToPath } from 'node:url';

export const DEFAULT_LANGUAGES_PATH = fileURLToPath(new URL('../../../models/languages-v1.json', import.meta.url));
