// Event-based waiting: tests never sleep, they wait for the event that says the state changed.
import type * as vscode from 'vscode';

/** Resolves with the first value `event` fires that satisfies `predicate`; rejects after `timeoutMs`. */
export function waitFor<T>(event: vscode.Event<T>, predicate: (value: T) => boolean = () => true, timeoutMs = 10_000, what = 'event'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
    }, timeoutMs);
    const subscription = event((value) => {
      let ok: boolean;
      try {
        ok = predicate(value);
      } catch (error) {
        clearTimeout(timer);
        subscription.dispose();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (!ok) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** Resolves once `condition()` holds: checked now and after every firing of `event` (no race with an earlier change). */
export async function waitUntil(event: vscode.Event<unknown>, condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  if (condition()) return;
  await waitFor(event, () => condition(), timeoutMs, what);
}

/**
 * Resolves once the asynchronous `condition()` holds: checked now and after every firing of `event`,
 * one check at a time (for answers only a round trip gives, like what the language server knows).
 */
export async function waitUntilAnswered(event: vscode.Event<unknown>, condition: () => Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let fired = 0;
  const subscription = event(() => fired++);
  try {
    for (;;) {
      const seen = fired;
      if (await condition()) return;
      if (fired === seen) await waitUntil(event, () => fired !== seen, Math.max(1, deadline - Date.now()), what);
    }
  } finally {
    subscription.dispose();
  }
}
