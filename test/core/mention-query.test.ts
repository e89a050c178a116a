import { describe, expect, it } from 'vitest';
import { compileMentionQuery } from '../../src/core/mention-query.js';

describe('compileMentionQuery: the config query syntax over a mention text', () => {
  it.each([
    ['"Clipper Teas"', 'I love clipper  teas so much', true],
    ['"Clipper Teas"', 'clipper tea', false],
    ['tea', 'steam rising', false],
    ['(plastic OR microplastic) bag', 'Plastic in the bag!', true],
    ['(plastic OR microplastic) bag', 'microplastic everywhere', false],
    ['plastic -recycled', 'plastic bags', true],
    ['plastic -recycled', 'recycled plastic', false],
    ['plastic -"tea bag"', 'plastic in my tea bag', false],
    ['@ClipperTeas OR #clippertea', 'ask @clipperteas why', true],
    ['refund lang:en -is:retweet', 'I want a refund', true],
    ['a OR b)', 'b', true],
    ['(unclosed tea', 'tea', false],
  ])('%s on %j is %s', (query, text, expected) => {
    expect(compileMentionQuery(query)(text)).toBe(expected);
  });
});
