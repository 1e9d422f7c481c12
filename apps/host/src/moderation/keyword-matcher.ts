/**
 * How rules and text are compared: NFKC folds full-width and compatibility forms (`ＢＡＤ` → `BAD`,
 * `ｶ` → `カ`), then lower-casing makes the comparison case-insensitive.
 */
export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Code units below this get a direct slot in the root's table: the root is where most steps land. */
const ROOT_TABLE_SIZE = 0x10000;

/**
 * An Aho–Corasick automaton over UTF-16 code units: every pattern is found in one pass over the
 * text, whatever the number of patterns, and substrings match anywhere (Chinese has no spaces).
 * Patterns and text are normalized with `normalizeForMatching`.
 */
export class KeywordMatcher<T> {
  private constructor(
    /** Child of each node by code unit (the root's children are also in `rootNext`). */
    private readonly next: Map<number, number>[],
    private readonly rootNext: Int32Array,
    /** The longest proper suffix of a node's string that is also a node. */
    private readonly fail: Int32Array,
    /** Patterns that end exactly at a node. */
    private readonly ends: (number[] | undefined)[],
    /** The nearest node along the fail chain that ends a pattern, or -1. */
    private readonly outputLink: Int32Array,
    private readonly values: readonly T[],
  ) {}

  /** Patterns that normalize to nothing are ignored. */
  static build<T>(patterns: readonly { pattern: string; value: T }[]): KeywordMatcher<T> {
    const next: Map<number, number>[] = [new Map()];
    const ends: (number[] | undefined)[] = [undefined];
    const values: T[] = [];
    for (const { pattern, value } of patterns) {
      const normalized = normalizeForMatching(pattern);
      if (normalized.length === 0) continue;
      let node = 0;
      for (let i = 0; i < normalized.length; i++) {
        const unit = normalized.charCodeAt(i);
        let child = next[node].get(unit);
        if (child === undefined) {
          child = next.length;
          next.push(new Map());
          ends.push(undefined);
          next[node].set(unit, child);
        }
        node = child;
      }
      (ends[node] ??= []).push(values.length);
      values.push(value);
    }

    const rootNext = new Int32Array(ROOT_TABLE_SIZE);
    for (const [unit, child] of next[0]) rootNext[unit] = child;
    const fail = new Int32Array(next.length);
    const outputLink = new Int32Array(next.length).fill(-1);
    // Breadth first, so a node's fail target (a shorter string) is finished before the node.
    const queue: number[] = [...next[0].values()];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (const [unit, child] of next[node]) {
        let candidate = fail[node];
        while (candidate !== 0 && !next[candidate].has(unit)) candidate = fail[candidate];
        const target = next[candidate].get(unit);
        fail[child] = target !== undefined && target !== child ? target : 0;
        outputLink[child] = ends[fail[child]] ? fail[child] : outputLink[fail[child]];
        queue.push(child);
      }
    }
    return new KeywordMatcher(next, rootNext, fail, ends, outputLink, values);
  }

  /** How many patterns the automaton holds. */
  get size(): number {
    return this.values.length;
  }

  /** The values of every pattern that occurs in the text, each once, in the order first found. */
  findAll(text: string): T[] {
    return this.findAllNormalized(normalizeForMatching(text));
  }

  /** `findAll` for text already passed through `normalizeForMatching`. */
  findAllNormalized(text: string): T[] {
    const found: T[] = [];
    if (this.values.length === 0) return found;
    const seen = new Set<number>();
    const { next, rootNext, fail, ends, outputLink } = this;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let child: number | undefined;
      while (node !== 0 && (child = next[node].get(unit)) === undefined) node = fail[node];
      node = node === 0 ? rootNext[unit] : (child as number);
      for (let hit = ends[node] ? node : outputLink[node]; hit > 0; hit = outputLink[hit]) {
        for (const index of ends[hit]!) {
          if (!seen.has(index)) {
            seen.add(index);
            found.push(this.values[index]);
          }
        }
      }
    }
    return found;
  }
}
