// The figures, their targets, the printed table and bench/results.json.

export interface Figure {
  readonly key: string;
  readonly what: string;
  /** undefined when the figure could not be measured (see `error`). */
  readonly value: number | undefined;
  readonly target?: { readonly op: '<=' | '>=' | '=='; readonly value: number } | undefined;
  readonly unit?: string;
}

export function meets(f: Figure): boolean | undefined {
  if (f.value === undefined || !f.target) return undefined;
  return f.target.op === '<=' ? f.value <= f.target.value : f.target.op === '>=' ? f.value >= f.target.value : f.value === f.target.value;
}

function formatValue(v: number | undefined): string {
  if (v === undefined) return 'n/a';
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
}

function formatTarget(f: Figure): string {
  if (!f.target) return '—';
  return f.target.op === '<=' ? `≤ ${f.target.value}` : f.target.op === '>=' ? `≥ ${f.target.value}` : String(f.target.value);
}

function formatOk(f: Figure): string {
  const ok = meets(f);
  return ok === undefined ? (f.value === undefined ? 'ERROR' : '—') : ok ? 'yes' : 'NO';
}

/** A Markdown table (readable in a terminal too). */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [`\`${f.key}\``, `${formatValue(f.value)}${f.unit && f.value !== undefined ? ` ${f.unit}` : ''}`, formatTarget(f), formatOk(f)]);
  const header = ['key', 'value', 'target', 'ok'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** What each key measures, one line each (printed under the table). */
export function renderLegend(figures: readonly Figure[]): string {
  const width = Math.max(...figures.map((f) => f.key.length));
  return figures.map((f) => `  ${f.key.padEnd(width)}  ${f.what}`).join('\n');
}

/** One key per measured figure, numbers only. */
export function resultsJson(figures: readonly Figure[]): string {
  const out: Record<string, number> = {};
  for (const f of figures) if (f.value !== undefined && Number.isFinite(f.value)) out[f.key] = f.value;
  return `${JSON.stringify(out, null, 2)}\n`;
}
