/**
 * A pure function of its key, memoised in a Map that is emptied when it reaches `max`
 * entries: memory stays bounded on a long tail of words, and because the function is pure
 * a result never depends on what was read before it.
 */
export function boundedMemo<K, V>(max: number, compute: (key: K) => V): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memo.size >= max) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
