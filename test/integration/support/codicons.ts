// The codicons the running VS Code can draw: the names its icon registry declares (read from the
// extension host's own bundle, where `codiconsLibrary` is compiled in as `name:fn("kebab-name",codepoint)`)
// whose code point the shipped font `out/media/codicon.ttf` really has a glyph for.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every codicon name of the VS Code installed at `appRoot`, with its code point. */
export function installedCodicons(appRoot: string): Map<string, number> {
  const bundle = join(appRoot, 'out', 'vs', 'workbench', 'api', 'node', 'extensionHostProcess.js');
  if (!existsSync(bundle)) throw new Error(`No extension host bundle at ${bundle}: cannot list this VS Code's codicons.`);
  const names = new Map<string, number>();
  for (const m of readFileSync(bundle, 'utf8').matchAll(/[\w$]+:[\w$]+\("([a-z0-9]+(?:-[a-z0-9]+)*)",(\d+)\)/g)) {
    names.set(m[1] ?? '', Number(m[2]));
  }
  const glyphs = fontCodePoints(readFileSync(join(appRoot, 'out', 'media', 'codicon.ttf')));
  for (const [name, codePoint] of names) if (!glyphs.has(codePoint)) names.delete(name);
  return names;
}

/** The code points a TrueType font maps (its cmap format 4 subtable: codicons live in the BMP's private use area). */
export function fontCodePoints(font: Buffer): Set<number> {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    if (font.toString('latin1', record, record + 4) === 'cmap') cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error('The codicon font has no cmap table.');
  const points = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const at = cmap + font.readUInt32BE(cmap + 4 + i * 8 + 4);
    if (font.readUInt16BE(at) !== 4) continue;
    const segments = font.readUInt16BE(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segments * 2 + 2;
    for (let s = 0; s < segments; s++) {
      const end = font.readUInt16BE(ends + s * 2);
      const start = font.readUInt16BE(starts + s * 2);
      if (start === 0xffff) continue;
      for (let c = start; c <= end; c++) points.add(c);
    }
  }
  return points;
}
