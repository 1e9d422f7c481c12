import { KeywordMatcher, normalizeForMatching } from './keyword-matcher';

const matcher = (...patterns: string[]) =>
  KeywordMatcher.build(patterns.map((pattern) => ({ pattern, value: pattern })));

/** The obvious, slow definition the automaton must agree with. */
const naive = (patterns: string[], text: string) => {
  const haystack = normalizeForMatching(text);
  return patterns.filter((pattern) => {
    const needle = normalizeForMatching(pattern);
    return needle.length > 0 && haystack.includes(needle);
  });
};

describe('KeywordMatcher', () => {
  it('finds nothing with no patterns, and nothing in empty text', () => {
    expect(matcher().findAll('anything')).toEqual([]);
    expect(matcher('bad').findAll('')).toEqual([]);
  });

  it('finds a pattern anywhere inside a word', () => {
    expect(matcher('bad').findAll('notbadatall')).toEqual(['bad']);
    expect(matcher('bad').findAll('ba d')).toEqual([]);
  });

  it('finds overlapping patterns and patterns inside other patterns', () => {
    const found = matcher('he', 'she', 'his', 'hers').findAll('ushers');
    expect(found.sort()).toEqual(['he', 'hers', 'she']);
    expect(matcher('aa', 'aaa').findAll('aaaa').sort()).toEqual(['aa', 'aaa']);
    expect(matcher('abcd', 'bc', 'c').findAll('xabcx').sort()).toEqual(['bc', 'c']);
  });

  it('follows failure links after a partial match', () => {
    // "abx" fails after "ab" and must resume from "b", where "bab" starts.
    expect(matcher('abx', 'bab', 'abab').findAll('ababab').sort()).toEqual(['abab', 'bab']);
    expect(matcher('aab').findAll('aaab')).toEqual(['aab']);
  });

  it('reports each pattern once however often it occurs', () => {
    expect(matcher('ab').findAll('ab ab ab ab')).toEqual(['ab']);
  });

  it('matches Chinese substrings without word boundaries', () => {
    const m = matcher('法轮', '赌博', '博彩网站');
    expect(m.findAll('今天去赌博了').sort()).toEqual(['赌博']);
    expect(m.findAll('这是一个博彩网站的广告').sort()).toEqual(['博彩网站']);
    expect(m.findAll('赌博彩网站').sort()).toEqual(['博彩网站', '赌博']);
    expect(m.findAll('法律')).toEqual([]);
  });

  it('ignores case and full-width forms, on either side', () => {
    expect(matcher('bad').findAll('ＢＡＤ')).toEqual(['bad']);
    expect(matcher('bad').findAll('so BaD')).toEqual(['bad']);
    expect(matcher('ＢａＤ').findAll('bad')).toEqual(['ＢａＤ']);
    expect(matcher('spam123').findAll('ＳＰＡＭ１２３!')).toEqual(['spam123']);
    // Half-width katakana fold to full-width.
    expect(matcher('カジノ').findAll('ｶｼﾞﾉ')).toEqual(['カジノ']);
  });

  it('matches characters outside the basic plane', () => {
    expect(matcher('😀x').findAll('a😀xb')).toEqual(['😀x']);
    expect(matcher('𠮷').findAll('𠮷野家')).toEqual(['𠮷']);
  });

  it('ignores patterns that normalize to nothing', () => {
    const m = matcher('', 'ok');
    expect(m.size).toBe(1);
    expect(m.findAll('ok')).toEqual(['ok']);
  });

  it('keeps every value of patterns that normalize alike', () => {
    const m = KeywordMatcher.build([
      { pattern: 'Bad', value: 1 },
      { pattern: 'ｂａｄ', value: 2 },
    ]);
    expect(m.findAll('bad').sort()).toEqual([1, 2]);
  });

  it('agrees with a naive search on random text', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const alphabet = ['a', 'b', 'c', 'A', 'Ｂ', '中', '文'];
    const word = (max: number) =>
      Array.from({ length: 1 + Math.floor(random() * max) }, () => alphabet[Math.floor(random() * 7)]).join(
        '',
      );
    for (let round = 0; round < 200; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + Math.floor(random() * 8) }, () => word(4)))];
      const text = word(30);
      expect({
        text,
        found: matcher(...patterns)
          .findAll(text)
          .sort(),
      }).toEqual({
        text,
        found: naive(patterns, text).sort(),
      });
    }
  });
});
