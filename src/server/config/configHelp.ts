import { isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import { teamConfigJsonSchemaRoot } from './generatedSchema';
import { schemasAt } from './schemaAt';

/**
 * Hover help for the keys of `.github/team-support.yml`, from the schema's `.describe()` texts
 * (via its JSON Schema, so defaults and allowed values come along).
 */

export interface KeyHelp {
  readonly start: number;
  readonly end: number;
  readonly markdown: string;
}

export class ConfigHelp {
  // The same JSON Schema the yaml extension validates with (generated from the zod schema).
  private readonly root = teamConfigJsonSchemaRoot;

  /** Help for the key at `offset`, if the offset is on a known key. */
  keyAt(doc: Document.Parsed, offset: number): KeyHelp | undefined {
    const found = findKey(doc.contents, offset, []);
    if (!found) return undefined;
    const schema = schemasAt(this.root, found.path).find((s) => s.description);
    if (!schema?.description) return undefined;
    const key = found.path[found.path.length - 1];
    const lines = [`**${String(key)}**`, '', schema.description];
    if (schema.enum) lines.push('', `One of: ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
    if (schema.default !== undefined && (typeof schema.default !== 'object' || Array.isArray(schema.default))) {
      lines.push('', `Default: \`${JSON.stringify(schema.default)}\``);
    }
    return { start: found.start, end: found.end, markdown: lines.join('\n') };
  }
}

function findKey(node: unknown, offset: number, path: (string | number)[]): { path: (string | number)[]; start: number; end: number } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key;
      if (isScalar(key) && key.range && offset >= key.range[0] && offset <= key.range[1]) {
        return { path: [...path, String(key.value)], start: key.range[0], end: key.range[1] };
      }
      if (isNode(pair.value) && pair.value.range && offset >= pair.value.range[0] && offset <= pair.value.range[2]) {
        return findKey(pair.value, offset, [...path, isScalar(key) ? String(key.value) : '']);
      }
    }
  } else if (isSeq(node)) {
    for (const [i, item] of node.items.entries()) {
      if (isNode(item) && item.range && offset >= item.range[0] && offset <= item.range[2]) return findKey(item, offset, [...path, i]);
    }
  }
  return undefined;
}
