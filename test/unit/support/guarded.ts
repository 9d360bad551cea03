// Test texts through the outgoing guard, the only maker of GuardedText: with the real scanner
// (`scannedGuard`) or, for tests about something else, a scanner that finds nothing.
import { scanSecrets } from '../../../src/outgoing/redaction';
import { type GuardedPost, type OutgoingText, type GuardedText, guardOutgoing, redactAll } from '../../../src/outgoing/outgoingGuard';

export async function plainGuarded(title: string, body: string): Promise<{ title: GuardedText; body: GuardedText }> {
  const post = await guardOutgoing({ title, body }, () => Promise.resolve([]), redactAll);
  if (!post) throw new Error('redactAll never cancels');
  return { title: post.title, body: post.body };
}

/** The guard as the extension runs it when the user keeps nothing: everything found is redacted. */
export async function scannedGuard(text: OutgoingText): Promise<GuardedPost | undefined> {
  return guardOutgoing(text, scanSecrets, redactAll);
}
