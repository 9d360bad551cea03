import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PairingStore } from './pairingTimer';

/** The state file of one account (`accountKey`), or of nobody while signed out. Hashed: keys hold URLs. */
export function pairingFileName(account: string | undefined): string {
  return account === undefined ? 'pairing.json' : `pairing-${createHash('sha256').update(account).digest('hex').slice(0, 16)}.json`;
}

/**
 * The pairing state as one JSON file shared by every window (global storage is per user, not
 * per window). Writes go to a temp file that is renamed over the real one, so another window
 * never reads half a file. Synchronous on purpose: the file is tiny, and a closing window must
 * be able to write its last heartbeat before the extension host goes away.
 */
export function createFileStore(dir: string, windowId: string, fileName = 'pairing.json'): PairingStore {
  const file = path.join(dir, fileName);
  const temp = `${file}.${windowId.replace(/[^\w-]/g, '')}.${process.pid}.tmp`;
  return {
    read(): string | undefined {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch (e) {
        if (isCode(e, 'ENOENT')) return undefined;
        throw e;
      }
    },
    write(text: string): void {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(temp, text, 'utf8');
      // Windows refuses a rename over a file another process has open for a moment: try again.
      for (let attempt = 0; ; attempt++) {
        try {
          fs.renameSync(temp, file);
          return;
        } catch (e) {
          if (attempt >= 4 || !(isCode(e, 'EPERM') || isCode(e, 'EACCES') || isCode(e, 'EBUSY'))) {
            fs.rmSync(temp, { force: true });
            throw e;
          }
        }
      }
    },
  };
}

function isCode(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}
