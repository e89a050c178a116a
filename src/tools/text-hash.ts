/** FNV-1a of a text, unsigned: the tools' stable folds and down-sampling ("identical texts share a fold"). */
export function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
