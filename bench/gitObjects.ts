// File contents at given commits through one `git cat-file --batch` process: thousands of reads
// without a git process each.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export class GitObjects {
  private readonly git: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private readonly waiting: ((text: string | undefined) => void)[] = [];

  constructor(readonly dir: string) {
    this.git = spawn('git', ['cat-file', '--batch'], { cwd: dir });
    this.git.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.git.on('exit', () => {
      for (const resolve of this.waiting.splice(0)) resolve(undefined);
    });
  }

  /** The text of `<commit>:<path>`, or undefined when there is no such file. */
  read(commit: string, path: string): Promise<string | undefined> {
    if (path.includes('\n')) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.git.stdin.write(`${commit}:${path}\n`);
    });
  }

  private drain(): void {
    for (;;) {
      const resolve = this.waiting[0];
      const eol = this.buffer.indexOf(10);
      if (!resolve || eol === -1) return;
      const header = this.buffer.subarray(0, eol).toString('utf8');
      const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
      if (size === undefined) {
        // "<spec> missing", or not a blob (a tree, a submodule): no text.
        const other = /^[0-9a-f]+ \w+ (\d+)$/.exec(header)?.[1];
        const skip = other === undefined ? eol + 1 : eol + 1 + Number(other) + 1;
        if (this.buffer.length < skip) return;
        this.buffer = this.buffer.subarray(skip);
        this.waiting.shift();
        resolve(undefined);
        continue;
      }
      const end = eol + 1 + Number(size);
      if (this.buffer.length < end + 1) return;
      const text = this.buffer.subarray(eol + 1, end).toString('utf8');
      this.buffer = this.buffer.subarray(end + 1);
      this.waiting.shift();
      resolve(text);
    }
  }

  close(): void {
    this.git.stdin.end();
  }
}
