/**
 * Trims a unified diff (`git diff HEAD -- file`) to the hunks whose new side touches lines
 * [startLine, endLine] (1-based, inclusive), keeping the file headers.
 */
export function hunksTouching(diff: string, startLine: number, endLine: number): string {
  const lines = diff.split('\n');
  const header: string[] = [];
  const kept: string[] = [];
  let current: string[] | undefined;
  let touches = false;
  const flush = (): void => {
    if (current && touches) kept.push(...current);
    current = undefined;
    touches = false;
  };
  for (const line of lines) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      flush();
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      // A pure deletion (count 0) sits between lines start and start+1.
      const first = start;
      const last = count === 0 ? start + 1 : start + count - 1;
      touches = first <= endLine && last >= startLine;
      current = [line];
    } else if (current) {
      current.push(line);
    } else if (line !== '') {
      header.push(line);
    }
  }
  flush();
  if (kept.length === 0) return '';
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return [...header, ...kept].join('\n');
}
