/**
 * How deeply `.github/team-support.yml` nests, found by one pass over the text before yaml parses
 * it. yaml's composer recurses once per level: thousands of levels overflow the stack (yaml then
 * spends seconds unwinding and reporting the overflow at each level). The team config needs about
 * five levels, so anything past `MAX_CONFIG_NESTING` is refused with a position, without parsing.
 */
export const MAX_CONFIG_NESTING = 64;

const SPACE = new Set([' ', '\t', '\r', '\n']);
/** Characters after which `[`, `{` or a quote starts a value rather than being part of one. */
const OPENS_VALUE = new Set([...SPACE, '[', '{', ',', ':', '-']);

export interface TooDeep {
  /** Offset where the nesting passes the limit. */
  readonly offset: number;
}

export function findTooDeepNesting(text: string, limit = MAX_CONFIG_NESTING): TooDeep | undefined {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  while (i < text.length) {
    const lineEnd = indexOrEnd(text, '\n', i);
    let col = i;
    while (col < lineEnd && (text[col] === ' ' || text[col] === '\t')) col++;
    const blank = col === lineEnd || text[col] === '#' || text[col] === '\r';
    if (!blank && flow === 0) {
      const indent = col - i;
      while (indents.length > 0 && (indents[indents.length - 1] ?? 0) > indent) indents.pop();
      if (indents.length === 0 || (indents[indents.length - 1] ?? 0) < indent) indents.push(indent);
    }
    // `- - - x` and `a: b: c` nest on one line; `[` and `{` nest anywhere.
    let sameLine = 0;
    let quote: string | undefined;
    let previous = ' ';
    for (let j = col; j < lineEnd; j++) {
      const c = text[j] ?? '';
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") {
        if (OPENS_VALUE.has(previous)) quote = c;
      } else if (c === '#' && SPACE.has(previous)) {
        break;
      } else if ((c === '[' || c === '{') && (flow > 0 || OPENS_VALUE.has(previous))) {
        flow++;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      } else if (c === '-' && flow === 0 && SPACE.has(previous) && SPACE.has(text[j + 1] ?? ' ')) {
        sameLine++;
      }
      if (indents.length + sameLine + flow > limit) return { offset: j };
      previous = c;
    }
    if (indents.length + sameLine + flow > limit) return { offset: col };
    i = lineEnd + 1;
  }
  return undefined;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}
