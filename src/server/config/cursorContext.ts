/**
 * Where in `.github/team-support.yml` the cursor is, as a path into the config and what is being
 * typed there: a key of the mapping at `path`, or the value at `path` (a scalar or a list item).
 * Read from the text before the cursor, line by line, rather than from the parsed YAML, because
 * half-typed YAML often doesn't parse. Knows block mappings and lists (`key:`, `- item`,
 * `- key: value`) and flow collections (`[a, b]`, `{ key: value }`), also across lines.
 */

export type PathSegment = string | number;

export interface CursorContext {
  /** The mapping whose key is typed, or the node whose value is typed. */
  readonly path: readonly PathSegment[];
  /** A key may be typed here (offer the keys of the mapping at `path`). */
  readonly key: boolean;
  /** A value may be typed here (offer the values the schema allows at `path`). */
  readonly value: boolean;
  /** Keys already written in that mapping. */
  readonly siblings: readonly string[];
  /** Start offset of the partial word before the cursor (the completion's replace range). */
  readonly start: number;
  readonly prefix: string;
}

interface Frame {
  /** Column of a block collection; -1 for a flow one. */
  readonly col: number;
  readonly kind: 'map' | 'seq';
  key: string | undefined;
  readonly keys: Set<string>;
  index: number;
  /** Flow mapping: the current entry's `:` has been seen. */
  afterColon: boolean;
}

const WORD = /[^\s[\]{},:'"#]*$/;

export function cursorContextAt(text: string, offset: number): CursorContext | undefined {
  const stack: Frame[] = [];
  let flowDepth = 0;
  let blockScalarCol: number | undefined;
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const isLast = newline === -1 || newline >= offset;
    const line = text.slice(lineStart, isLast ? offset : newline).replace(/\r$/, '');
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (blockScalarCol !== undefined && (line.trim() === '' || indent > blockScalarCol) && !isLast) {
      lineStart = newline + 1;
      continue;
    }
    blockScalarCol = undefined;
    const tail = scanLine(stack, line, flowDepth, isLast);
    flowDepth = tail.flowDepth;
    blockScalarCol = tail.blockScalarCol;
    if (isLast) {
      if (!tail.cursor) return undefined;
      const prefix = WORD.exec(line)?.[0] ?? '';
      return { ...tail.cursor, start: offset - prefix.length, prefix };
    }
    lineStart = newline + 1;
  }
}

type Cursor = Omit<CursorContext, 'start' | 'prefix'>;

interface LineResult {
  flowDepth: number;
  blockScalarCol: number | undefined;
  cursor: Cursor | undefined;
}

function pathOf(stack: readonly Frame[], upTo = stack.length): PathSegment[] {
  const path: PathSegment[] = [];
  for (const frame of stack.slice(0, upTo)) {
    if (frame.kind === 'seq') path.push(frame.index);
    else if (frame.key !== undefined) path.push(frame.key);
  }
  return path;
}

function newFrame(col: number, kind: Frame['kind']): Frame {
  return { col, kind, key: undefined, keys: new Set(), index: 0, afterColon: false };
}

/** Reads one line into the stack; on the cursor's line, also says what is being typed. */
function scanLine(stack: Frame[], line: string, flowDepth: number, isLast: boolean): LineResult {
  let i = 0;
  if (flowDepth > 0 && /^[^\s#\-[{][^:#]*:(?:\s|$)/.test(line)) {
    // A top-level `key:` ends a bracket left open above (the YAML is broken there, not here).
    while (stack.length > 0 && stack[stack.length - 1]?.col === -1) stack.pop();
    flowDepth = 0;
  }
  if (flowDepth === 0) {
    const content = stripComment(line);
    if (content.trim() === '' && !isLast) return { flowDepth, blockScalarCol: undefined, cursor: undefined };
    if (/^(?:---|\.\.\.)(?:\s|$)/.test(content) || content.startsWith('%')) {
      stack.length = 0;
      return { flowDepth, blockScalarCol: undefined, cursor: undefined };
    }
    i = /^[ \t]*/.exec(content)?.[0].length ?? 0;
    let afterDash = false;
    // Block structure: `- ` items and `key:` entries, possibly several on one line.
    for (;;) {
      const col = i;
      const rest = content.slice(i);
      if (/^-(?:[ \t]|$)/.test(rest)) {
        while (stack.length > 0 && (stack[stack.length - 1]?.col ?? 0) > col) stack.pop();
        const top = stack[stack.length - 1];
        if (top && top.col === col && top.kind === 'seq') top.index++;
        else stack.push(newFrame(col, 'seq'));
        i += 1 + (/^[ \t]*/.exec(rest.slice(1))?.[0].length ?? 0);
        afterDash = true;
        if (i >= content.length) {
          // `- ` and nothing yet: an item's value, or the first key of an item mapping.
          return { flowDepth, blockScalarCol: undefined, cursor: isLast ? { path: pathOf(stack), key: true, value: true, siblings: [] } : undefined };
        }
        continue;
      }
      const keyMatch = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},:][^#:]*?|[^\s#'"[\]{},:]):(?:[ \t]+|$)/.exec(rest);
      if (keyMatch) {
        const key = unquote(keyMatch[1] ?? '');
        while (stack.length > 0) {
          const top = stack[stack.length - 1];
          if (!top || (top.col < col) || (top.col === col && top.kind === 'map')) break;
          stack.pop();
        }
        const top = stack[stack.length - 1];
        let map: Frame;
        if (top && top.col === col && top.kind === 'map') map = top;
        else stack.push((map = newFrame(col, 'map')));
        map.key = key;
        map.keys.add(key);
        i += keyMatch[0].length;
        const value = content.slice(i);
        if (/^[|>]/.test(value.trim())) return { flowDepth, blockScalarCol: col, cursor: undefined };
        if (value.startsWith('[') || value.startsWith('{')) break;
        if (/^-(?:[ \t]|$)/.test(value)) continue;
        if (isLast && !/\s/.test(value.trim())) {
          // `key: partial` (or `key: ` and nothing yet): the value at that key.
          return { flowDepth, blockScalarCol: undefined, cursor: { path: pathOf(stack), key: false, value: true, siblings: [] } };
        }
        return { flowDepth, blockScalarCol: undefined, cursor: undefined };
      }
      if (rest.startsWith('[') || rest.startsWith('{')) break;
      if (!isLast) return { flowDepth, blockScalarCol: undefined, cursor: undefined };
      if (/[\s:]/.test(rest)) return { flowDepth, blockScalarCol: undefined, cursor: undefined };
      // A partial word on its own: a key of the mapping at this column, or of a new one below `key:`.
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (!top || top.col < col || (top.col === col && top.kind === 'map')) break;
        stack.pop();
      }
      const top = stack[stack.length - 1];
      if (top && top.kind === 'map' && top.col === col) {
        return { flowDepth, blockScalarCol: undefined, cursor: { path: pathOf(stack, stack.length - 1), key: true, value: false, siblings: [...top.keys] } };
      }
      // Right after `- ` on an earlier line, or a nested mapping that starts here.
      return { flowDepth, blockScalarCol: undefined, cursor: { path: pathOf(stack), key: true, value: afterDash, siblings: [] } };
    }
  }
  return scanFlow(stack, line, i, flowDepth, isLast);
}

/** Flow collections: `[` and `{` open frames, `,` moves to the next entry, `:` ends a key. */
function scanFlow(stack: Frame[], line: string, from: number, flowDepth: number, isLast: boolean): LineResult {
  let depth = flowDepth;
  let token = '';
  let quote: string | undefined;
  for (let i = from; i < line.length; i++) {
    const c = line[i] ?? '';
    if (quote) {
      if (c === quote) quote = undefined;
      token += c;
      continue;
    }
    const top = depth > 0 ? stack[stack.length - 1] : undefined;
    if (c === '"' || c === "'") {
      quote = c;
      token += c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      break;
    } else if (c === '[' || c === '{') {
      stack.push(newFrame(-1, c === '[' ? 'seq' : 'map'));
      depth++;
      token = '';
    } else if ((c === ']' || c === '}') && depth > 0) {
      stack.pop();
      depth--;
      token = '';
    } else if (c === ',' && top) {
      if (top.kind === 'seq') top.index++;
      else {
        top.key = undefined;
        top.afterColon = false;
      }
      token = '';
    } else if (c === ':' && top?.kind === 'map' && !top.afterColon && /[\s,}\]]/.test(line[i + 1] ?? ' ')) {
      top.key = unquote(token.trim());
      top.keys.add(top.key);
      top.afterColon = true;
      token = '';
    } else {
      token += c;
    }
    if (depth === 0 && !isLast) return { flowDepth: 0, blockScalarCol: undefined, cursor: undefined };
  }
  if (!isLast) return { flowDepth: depth, blockScalarCol: undefined, cursor: undefined };
  const top = depth > 0 ? stack[stack.length - 1] : undefined;
  if (!top) return { flowDepth: depth, blockScalarCol: undefined, cursor: undefined };
  if (top.kind === 'seq') return { flowDepth: depth, blockScalarCol: undefined, cursor: { path: pathOf(stack), key: false, value: true, siblings: [] } };
  if (top.afterColon) return { flowDepth: depth, blockScalarCol: undefined, cursor: { path: pathOf(stack), key: false, value: true, siblings: [] } };
  return { flowDepth: depth, blockScalarCol: undefined, cursor: { path: pathOf(stack, stack.length - 1), key: true, value: false, siblings: [...top.keys] } };
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[{,-]/.test(line[i - 1] ?? '')) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      return line.slice(0, i);
    }
  }
  return line;
}

function unquote(key: string): string {
  if (key.length >= 2 && (key.startsWith('"') || key.startsWith("'")) && key.endsWith(key.charAt(0))) return key.slice(1, -1);
  return key.trim();
}
