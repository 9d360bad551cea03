import type { Blocker } from '../sidebar/snapshotSchema';
import { hasReply } from './sla';

/**
 * The asker hears once when the first reply to their blocker arrives. A blocker seen without a
 * reply is remembered as `waiting`; when a later snapshot shows a reply, it is announced and moved
 * to `notified`. Both lists persist (globalState), so a reply that arrived while VS Code was closed
 * is still announced once, and old blockers never cause a burst on first run.
 */

export interface FirstReplyState {
  readonly waiting: readonly string[];
  readonly notified: readonly string[];
}

export const EMPTY_FIRST_REPLY_STATE: FirstReplyState = { waiting: [], notified: [] };
const KEEP = 200;

export function firstReplies(
  blockers: readonly Blocker[],
  viewer: string,
  state: FirstReplyState,
): { readonly announce: readonly Blocker[]; readonly next: FirstReplyState } {
  const me = viewer.toLowerCase();
  const waiting = new Set(state.waiting);
  const notified = new Set(state.notified);
  const announce: Blocker[] = [];
  for (const b of blockers) {
    if (b.author?.login.toLowerCase() !== me || notified.has(b.id)) continue;
    if (!hasReply(b)) {
      waiting.add(b.id);
    } else if (waiting.has(b.id)) {
      waiting.delete(b.id);
      notified.add(b.id);
      announce.push(b);
    }
  }
  return { announce, next: { waiting: [...waiting].slice(-KEEP), notified: [...notified].slice(-KEEP) } };
}
