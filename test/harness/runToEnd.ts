// Runs a command to its end and collects what it printed (both streams, interleaved).
import { spawn } from 'node:child_process';

export interface Finished {
  readonly code: number | null;
  readonly output: string;
}

export function runToEnd(command: string, args: readonly string[], cwd?: string): Promise<Finished> {
  return new Promise<Finished>((res, rej) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => { output += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { output += c.toString(); });
    child.once('error', rej);
    child.once('exit', (code) => res({ code, output }));
  });
}
