/**
 * yaml's error messages in plain words. yaml names its tokens (`map-value-ind`, `flow-seq-end`)
 * and its rules ("Implicit map keys need to be followed by map values"); a person editing the
 * team config needs to know which character is wrong and what to write instead.
 */

/** yaml's CST token types, as the characters a person sees. */
const TOKEN_NAMES: Readonly<Record<string, string>> = {
  'map-value-ind': '`:`',
  'seq-item-ind': '`-`',
  'explicit-key-ind': '`?`',
  'block-seq-ind': '`-`',
  'block-scalar-header': 'a `|` or `>`',
  'byte-order-mark': 'a byte order mark',
  'flow-error-end': 'the end of a `[…]` or `{…}`',
  'doc-mode': 'the document',
  'flow-map-start': '`{`',
  'flow-map-end': '`}`',
  'flow-seq-start': '`[`',
  'flow-seq-end': '`]`',
  comma: '`,`',
  anchor: 'an anchor (`&name`)',
  alias: 'an alias (`*name`)',
  tag: 'a tag (`!name`)',
  'doc-start': '`---`',
  'doc-end': '`...`',
  'block-scalar': 'a block of text (`|` or `>`)',
  'block-map': 'a mapping',
  'block-seq': 'a list',
  'flow-collection': 'a `[…]` or `{…}`',
  scalar: 'a value',
  'single-quoted-scalar': "a 'quoted' value",
  'double-quoted-scalar': 'a "quoted" value',
  'directive-line': 'a `%` directive',
  directive: 'a `%` directive',
  'flow sequence': '`[…]` list',
  'flow mapping': '`{…}` mapping',
  'flow collection': '`[…]` or `{…}`',
};

const TOKEN_PATTERN = new RegExp(
  Object.keys(TOKEN_NAMES)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[-\s]/g, (c) => (c === '-' ? '\\-' : '\\s')))
    .join('|'),
  'g',
);

function tokens(message: string): string {
  return message.replace(TOKEN_PATTERN, (name) => TOKEN_NAMES[name] ?? name);
}

/** One rule per yaml message we have seen users meet; the rest get their token names translated. */
const RULES: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/Maximum call stack|too much recursion|stack overflow/i, () => 'nested too deeply to read: the team config needs only a few levels of indentation or brackets'],
  [/Excessive alias count/i, () => 'aliases (`*name`) repeat too much here to be read safely: write the values out instead'],
  [/Unresolved alias.*?:\s*(\S+)/i, (m) => `the alias \`*${m[1] ?? ''}\` has no anchor \`&${m[1] ?? ''}\` before it`],
  [/Map keys must be unique/i, () => 'this key is written twice in the same mapping: keep one of them'],
  [/Implicit map keys need to be followed by map values/i, () => 'a key needs a `:` after it (for example `members:`), or this text is indented wrongly'],
  [/Implicit keys (?:of flow sequence pairs )?need to be on a single line/i, () => 'a key must fit on one line: is a `:` or a closing quote missing above?'],
  [/Nested mappings are not allowed in compact mappings/i, () => 'a second `key:` on the same line: put it on its own indented line, or quote the value if it contains `: `'],
  [/A block sequence may not be used as an implicit map key/i, () => 'a `- ` list cannot be a key: is a line indented wrongly?'],
  [/All sequence items must start at the same column/i, () => 'the `-` items of one list must all start in the same column'],
  [/Flow (sequence|mapping) in block collection must be sufficiently indented and end with a (\S)/i, (m) => `a \`${m[2] === ']' ? '[' : '{'}\` is not closed with \`${m[2] ?? ''}\`, or a line inside it is not indented enough`],
  [/Missing closing "?(['"])?quote/i, () => 'a quote is not closed: add the closing quote mark'],
  [/Missing , or : between (flow \w+) items/i, (m) => `a \`,\` or \`:\` is missing between two items of this ${tokens(m[1] ?? '')}`],
  [/Missing , between (flow \w+) items/i, (m) => `a \`,\` is missing between two items of this ${tokens(m[1] ?? '')}`],
  [/Missing space after : in/i, () => 'put a space after `:`'],
  [/Sequence item without - indicator/i, () => 'a list item needs a `- ` in front of it'],
  [/Comments must be separated from other tokens/i, () => 'put a space before `#` (it starts a comment)'],
  [/Block collections are not allowed within flow collections/i, () => 'inside `[…]` or `{…}`, entries are separated by `,`: is a comma missing?'],
  [/Unexpected , in (flow \w+)/i, (m) => `an extra \`,\` in this ${tokens(m[1] ?? '')}`],
  [/Unexpected empty item in (flow \w+)/i, (m) => `an empty item in this ${tokens(m[1] ?? '')} (two commas in a row?)`],
  [/Missing directives-end(?:\/doc-start)? indicator line/i, () => 'a `%` line must be followed by a `---` line: remove the `%` line, the team config needs none'],
  [/cannot start on same line with directives-end marker/i, () => 'start the list or mapping on the line after `---`'],
  [/Unexpected block-seq-ind on same line with key/i, () => 'a `- ` list cannot start on the same line as its key: put the items on the lines below, indented'],
  [/Unexpected token in block scalar header/i, () => 'after `|` or `>` only `-`, `+` or an indentation digit may follow on that line'],
  [/Unexpected ([\w-]+) token/i, (m) => unexpected(m[1] ?? '')],
  [/Unexpected (\S+) at node end/i, (m) => `${tokens(m[1] ?? '')} is out of place after this value`],
  [/Unexpected (\S+) in (flow \w+)/i, (m) => `\`${m[1] ?? ''}\` is out of place in this ${tokens(m[2] ?? '')}`],
  [/Tabs are not allowed as indentation/i, () => 'indent with spaces, not tabs'],
  [/Plain value cannot start with (.+)/i, (m) => `a value that starts with ${m[1] ?? 'this character'} needs quotes around it`],
  [/Invalid escape sequence (\S*)/i, (m) => `\`${m[1] ?? '\\'}\` is not a valid escape in "double quotes": write \`\\\\\` for a backslash, or use 'single quotes'`],
  [/Source contains multiple documents/i, () => 'the file holds more than one YAML document (`---`): the team config is one document'],
  [/Unresolved tag: (\S+)/i, (m) => `\`${m[1] ?? ''}\` is not a tag the team config knows: remove it`],
  [/Tags and anchors must be separated from the next token/i, () => 'put a space after the anchor (`&name`) or tag (`!name`)'],
  [/Anchor cannot be an empty string|Alias cannot be an empty string/i, () => 'an anchor (`&name`) or alias (`*name`) needs a name'],
  [/ending in : is ambiguous/i, () => 'an anchor or alias name cannot end in `:`: put a space before the `:`'],
  [/The key .* exceeds 1024 characters|KEY_OVER_1024/i, () => 'a key is longer than 1,024 characters'],
];

function unexpected(token: string): string {
  const name = tokens(token);
  if (token === 'map-value-ind') return 'a `:` is out of place here: a key needs a name before its `:`, and a value that contains `: ` needs quotes';
  if (token === 'flow-seq-end' || token === 'flow-map-end') return `${name} closes nothing here: is its opening bracket missing?`;
  if (token === 'seq-item-ind') return 'a `-` is out of place here: list items go on their own lines, under a key';
  return `${name} is out of place here`;
}

/** yaml's (or JavaScript's) message, as one plain sentence without a trailing position. */
export function plainYamlMessage(message: string): string {
  const oneLine = message
    .replace(/\s+/g, ' ')
    .replace(/ at line \d+, column \d+:?.*$/, '')
    .trim();
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(oneLine);
    if (m) return say(m);
  }
  const text = tokens(oneLine).replace(/ in YAML stream/i, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}
