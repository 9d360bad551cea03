import * as z from 'zod/mini';
import type { Blocker } from '../snapshot/snapshotSchema';
import { pickedUpBy } from './blockerRows';
import { safeLabel } from '../protocol/safeText';
import { hasReply } from './sla';

/**
 * The asker hears once when the first reply to their blocker arrives, and once when someone picks
 * it up ("I'm On It"), each naming who. A blocker seen without a reply is remembered as `waiting`;
 * when a later snapshot shows a reply, it is announced and moved to `notified`. Likewise a blocker
 * seen without a pick-up is `unpicked` until one appears (then `picked`). The lists persist
 * (globalState), so a reply that arrived while VS Code was closed is still announced once, and old
 * blockers never cause a burst on first run.
 */

export const firstReplyStateSchema = z.object({
  waiting: z.catch(z.array(z.string()), []),
  notified: z.catch(z.array(z.string()), []),
  unpicked: z.catch(z.array(z.string()), []),
  picked: z.catch(z.array(z.string()), []),
});

export type FirstReplyState = z.infer<typeof firstReplyStateSchema>;

export const EMPTY_FIRST_REPLY_STATE: FirstReplyState = { waiting: [], notified: [], unpicked: [], picked: [] };
const KEEP = 200;

/** Reads the stored state; anything unreadable starts afresh (nothing is announced for it). */
export function readFirstReplyState(stored: unknown): FirstReplyState {
  const parsed = firstReplyStateSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : EMPTY_FIRST_REPLY_STATE;
}

export interface Announcement {
  readonly blocker: Blocker;
  /** `pickup`: someone said "I'm on it"; `reply`: the first reply arrived. */
  readonly kind: 'reply' | 'pickup';
  /** Who replied or picked it up (label-safe). */
  readonly who: string;
}

export function firstReplies(
  blockers: readonly Blocker[],
  viewer: string,
  state: FirstReplyState,
): { readonly announce: readonly Announcement[]; readonly next: FirstReplyState } {
  const me = viewer.toLowerCase();
  const waiting = new Set(state.waiting);
  const notified = new Set(state.notified);
  const unpicked = new Set(state.unpicked);
  const picked = new Set(state.picked);
  const announce: Announcement[] = [];
  for (const b of blockers) {
    if (b.author?.login.toLowerCase() !== me) continue;
    const picker = pickedUpBy(b);
    const byOther = picker !== undefined && picker.toLowerCase() !== me ? picker : undefined;
    let announced = false;
    if (!picked.has(b.id)) {
      if (byOther === undefined) {
        unpicked.add(b.id);
      } else if (unpicked.has(b.id)) {
        unpicked.delete(b.id);
        picked.add(b.id);
        announce.push({ blocker: b, kind: 'pickup', who: byOther });
        announced = true;
      }
    }
    if (notified.has(b.id)) continue;
    if (!hasReply(b)) {
      waiting.add(b.id);
    } else if (waiting.has(b.id)) {
      waiting.delete(b.id);
      notified.add(b.id);
      // A pick-up is the first reply too: one notice, not two.
      if (!announced) announce.push({ blocker: b, kind: 'reply', who: firstReplier(b, me) });
    }
  }
  const keep = (s: Set<string>) => [...s].slice(-KEEP);
  return { announce, next: { waiting: keep(waiting), notified: keep(notified), unpicked: keep(unpicked), picked: keep(picked) } };
}

/** The earliest fetched reply's author that is not the asker (the snapshot holds the latest comments). */
function firstReplier(b: Blocker, asker: string): string {
  const reply = b.comments.nodes.find((c) => c !== null && c.author?.login.toLowerCase() !== asker);
  return safeLabel(reply?.author?.login ?? 'ghost', 39);
}
