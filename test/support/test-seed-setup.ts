import fc from 'fast-check';
import { TEST_SEED } from './test-seed.js';

// Every fast-check run without a seed of its own (fc.assert, fc.check, fc.sample) draws
// from the test seed instead of a random one: the same cases on every run.
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: TEST_SEED });
