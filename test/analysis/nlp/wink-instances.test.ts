import winkNLP, { type WinkMethods } from 'wink-nlp';
import { describe, expect, it } from 'vitest';
import { as, createForgetfulWink, its, WINK_MODEL } from '../../../src/analysis/nlp.js';
import type { WinkFactory } from '../../../src/analysis/nlp/forget-lexicon.js';

/** A factory that numbers the instances it builds, and records which one answered each vectorOf. */
function countingFactory(): { factory: WinkFactory; built: WinkMethods[]; answeredBy: number[] } {
  const built: WinkMethods[] = [];
  const answeredBy: number[] = [];
  const factory: WinkFactory = (model, pipe) => {
    const instance = winkNLP(model, pipe);
    const number = built.length;
    built.push(instance);
    return { ...instance, readDoc: instance.readDoc, vectorOf: () => (answeredBy.push(number), []) } as WinkMethods;
  };
  return { factory, built, answeredBy };
}

describe('the forgetful wink instance (src/analysis/nlp/)', () => {
  it('answers every method from the instance it reads with, also after rebuilds', () => {
    const { factory, built, answeredBy } = countingFactory();
    // rebuilt before any doc that follows one with an unseen word
    const wink = createForgetfulWink(['pos'], { rebuildAfter: 0, factory });
    wink.vectorOf('tea');
    for (const text of ['the zorblaxian kettle', 'a qwertyzzy teapot', 'more flurbish tea']) wink.readDoc(text);
    expect(built.length).toBe(3);
    wink.vectorOf('tea');
    // the first answer came from the first instance, the second from the latest (not the first, as before)
    expect(answeredBy).toEqual([0, 2]);
    expect(wink.its).toBe(built[2]!.its);
    expect(wink.as).toBe(built[2]!.as);
  });

  it('has every method a plain instance has', () => {
    const plain = winkNLP(WINK_MODEL, []);
    expect(Object.keys(createForgetfulWink([])).sort()).toEqual(Object.keys(plain).sort());
  });

  it('builds any number of instances in one process (the model\'s metaCER no longer grows)', () => {
    // every readDoc after one with an unseen word rebuilds: 30 instances on the same core model
    const wink = createForgetfulWink([], { rebuildAfter: 0 });
    for (let i = 0; i < 30; i++) expect(wink.readDoc(`word${'q'.repeat(i)}zz`).tokens().length()).toBe(1);
  });

  it("takes its and as without building an instance: they are any instance's", () => {
    const instance = winkNLP(WINK_MODEL, []);
    expect(its).toBe(instance.its);
    expect(as).toBe(instance.as);
  });

  it('refuses custom entities, which it would forget', () => {
    expect(() => createForgetfulWink([]).learnCustomEntities([])).toThrow(/forgotten/);
  });
});
