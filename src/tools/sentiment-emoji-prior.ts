// Emoji polarity prior. The SemEval training tweets contain no emoji at all, so
// the model can only know them from a prior: wink-nlp's own sentiment lexicon
// (MIT), with hand-set values for common complaint/praise emoji that wink rates
// weakly or not at all. Values are on the lexicon scale (−1..1).
import { plainWink } from '../analysis/nlp.js';

const CURATED: Record<string, number> = {
  '😡': -0.8, '🤬': -0.8, '😠': -0.7, '👎': -0.6, '💩': -0.6, '🤮': -0.7, '🤢': -0.6, '😤': -0.5,
  '😒': -0.5, '🙄': -0.5, '😞': -0.6, '😔': -0.5, '😩': -0.5, '😫': -0.5, '😖': -0.5, '😣': -0.5,
  '😢': -0.5, '💔': -0.6, '☹': -0.6, '🙁': -0.5, '😑': -0.3, '😕': -0.4, '😟': -0.4, '😓': -0.4,
  '😍': 0.8, '🥰': 0.8, '😘': 0.6, '😊': 0.6, '😁': 0.6, '😀': 0.5, '😃': 0.6, '😄': 0.6,
  '🙂': 0.4, '👍': 0.6, '👏': 0.6, '🎉': 0.6, '❤': 0.8, '💕': 0.7, '💖': 0.7, '💯': 0.5,
  '🙌': 0.6, '😎': 0.5, '🤩': 0.7, '✨': 0.4, '🥳': 0.7, '💪': 0.5, '😻': 0.7, '💙': 0.6,
};

// Ranges holding nearly all single-code-point emoji.
const RANGES: Array<[number, number]> = [[0x2600, 0x27bf], [0x1f300, 0x1faff]];

/** Emoji → polarity, from wink's lexicon overridden by the curated list. */
export function readEmojiPrior(): Map<string, number> {
  const wink = plainWink(['sbd', 'negation', 'sentiment']);
  const prior = new Map<string, number>();
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const emoji = String.fromCodePoint(cp);
      const doc = wink.readDoc(emoji);
      if (doc.tokens().length() !== 1) continue;
      const polarity = doc.out(wink.its.sentiment) as number;
      if (polarity !== 0) prior.set(emoji, polarity);
    }
  }
  for (const [emoji, polarity] of Object.entries(CURATED)) prior.set(emoji, polarity);
  return prior;
}
