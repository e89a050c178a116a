/**
 * Aho–Corasick over sequences of numbers (folded code points, or UTF-16 units): every
 * occurrence of every pattern in one pass over the text, whatever the number of
 * patterns. 10,000 brands with two aliases each are ~30,000 patterns; one regex each
 * took V8 out of memory, and testing them one by one cost ~20 ms a row at 1,000 brands.
 *
 * Nodes live in typed arrays; a node with one child (most of a trie of names) keeps it
 * inline, only branching nodes get a Map.
 */
const NONE = -1;
const BRANCHING = -2;

export class NameAutomaton {
  private size = 1;
  /** The one child's symbol; NONE for a leaf, BRANCHING when the children are in `branches`. */
  private onlySymbol = new Int32Array(64).fill(NONE);
  private onlyChild = new Int32Array(64);
  private readonly branches = new Map<number, Map<number, number>>();
  private fail = new Int32Array(0);
  /** The nearest node down the failure chain (this one included) where a pattern ends. */
  private output = new Int32Array(0);
  /** First pattern ending at a node; the rest through `nextPattern`. */
  private firstPattern = new Int32Array(64).fill(-1);
  private readonly nextPattern: number[] = [];
  private readonly lengths: number[] = [];
  private built = false;

  /** Adds a pattern (not empty); returns its id, 0, 1, 2… in order of adding. */
  add(symbols: readonly number[]): number {
    if (this.built) throw new Error('NameAutomaton: add after build');
    if (symbols.length === 0) throw new Error('NameAutomaton: empty pattern');
    let node = 0;
    for (const symbol of symbols) node = this.childOrAdd(node, symbol);
    const id = this.lengths.length;
    this.lengths.push(symbols.length);
    this.nextPattern.push(this.firstPattern[node]!);
    this.firstPattern[node] = id;
    return id;
  }

  get patternCount(): number {
    return this.lengths.length;
  }

  /** Length of pattern `id`, in symbols. */
  lengthOf(id: number): number {
    return this.lengths[id]!;
  }

  /** Computes the failure links, breadth first; called once, before the first search. */
  build(): void {
    if (this.built) return;
    this.built = true;
    this.fail = new Int32Array(this.size);
    this.output = new Int32Array(this.size).fill(-1);
    const queue = new Int32Array(this.size);
    let head = 0;
    let tail = 0;
    queue[tail++] = 0;
    while (head < tail) {
      const node = queue[head++]!;
      this.output[node] = this.firstPattern[node]! >= 0 ? node : (node === 0 ? -1 : this.output[this.fail[node]!]!);
      this.forEachChild(node, (symbol, child) => {
        this.fail[child] = node === 0 ? 0 : this.step(this.fail[node]!, symbol);
        queue[tail++] = child;
      });
    }
  }

  /**
   * Calls `found(id, end)` for every occurrence of every pattern in `text`, where `end`
   * is the index just past the occurrence's last symbol.
   */
  search(text: ArrayLike<number>, found: (id: number, end: number) => void): void {
    this.build();
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      node = this.step(node, text[i]!);
      for (let out = this.output[node]!; out >= 0; out = this.output[this.fail[out]!]!) {
        for (let id = this.firstPattern[out]!; id >= 0; id = this.nextPattern[id]!) found(id, i + 1);
      }
    }
  }

  private step(from: number, symbol: number): number {
    let node = from;
    for (;;) {
      const next = this.child(node, symbol);
      if (next >= 0) return next;
      if (node === 0) return 0;
      node = this.fail[node]!;
    }
  }

  private child(node: number, symbol: number): number {
    const only = this.onlySymbol[node]!;
    if (only === symbol) return this.onlyChild[node]!;
    return only === BRANCHING ? (this.branches.get(node)!.get(symbol) ?? -1) : -1;
  }

  private forEachChild(node: number, visit: (symbol: number, child: number) => void): void {
    const only = this.onlySymbol[node]!;
    if (only === BRANCHING) for (const [symbol, child] of this.branches.get(node)!) visit(symbol, child);
    else if (only !== NONE) visit(only, this.onlyChild[node]!);
  }

  private childOrAdd(node: number, symbol: number): number {
    const existing = this.child(node, symbol);
    if (existing >= 0) return existing;
    const created = this.newNode();
    const only = this.onlySymbol[node]!;
    if (only === BRANCHING) this.branches.get(node)!.set(symbol, created);
    else if (only === NONE) {
      this.onlySymbol[node] = symbol;
      this.onlyChild[node] = created;
    } else {
      this.branches.set(node, new Map([[only, this.onlyChild[node]!], [symbol, created]]));
      this.onlySymbol[node] = BRANCHING;
    }
    return created;
  }

  private newNode(): number {
    if (this.size === this.onlySymbol.length) {
      const grow = (old: Int32Array, fill: number) => {
        const next = new Int32Array(old.length * 2).fill(fill);
        next.set(old);
        return next;
      };
      this.onlySymbol = grow(this.onlySymbol, NONE);
      this.onlyChild = grow(this.onlyChild, 0);
      this.firstPattern = grow(this.firstPattern, -1);
    }
    return this.size++;
  }
}
