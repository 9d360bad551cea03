// A scripted stand-in for the extension's prompter (tests cannot answer real dialogs): it records
// every question the extension asked, with what it showed, and answers from a queue of answers by
// kind. A question without a queued answer is cancelled (and recorded), so nothing ever hangs.
import type { InputOptions, PickOptions, Prompter, PromptItem } from '../../../src/core/prompter';
import type { TeamSupportApi } from '../../../src/extension';

export type PromptKind = 'pickMany' | 'pickOne' | 'input' | 'choose';

export interface ShownPrompt {
  readonly kind: PromptKind;
  readonly title: string;
  /** The placeholder, the input's prompt, or the modal's message and detail. */
  readonly text: string;
  readonly items: readonly PromptItem[];
  /** An input's pre-filled value. */
  readonly value?: string;
  readonly choices?: readonly string[];
}

type Answer =
  | { readonly kind: 'pickMany'; readonly pick: (items: readonly PromptItem[]) => readonly number[] }
  | { readonly kind: 'pickOne'; readonly pick: (items: readonly PromptItem[]) => number }
  | { readonly kind: 'input'; readonly value: (shown: string | undefined) => string | undefined }
  | { readonly kind: 'choose'; readonly choice: string };

export class ScriptedPrompter implements Prompter {
  readonly shown: ShownPrompt[] = [];
  private answers: Answer[] = [];

  /** Check nothing (or only what `keep` says) in the next "Keep these (not secret)" list. */
  keep(pick: (items: readonly PromptItem[]) => readonly number[] = () => []): this {
    this.answers.push({ kind: 'pickMany', pick });
    return this;
  }

  pickItem(pick: (items: readonly PromptItem[]) => number): this {
    this.answers.push({ kind: 'pickOne', pick });
    return this;
  }

  /** Accept the next input box (as shown, or with `value`). */
  type(value?: string): this {
    this.answers.push({ kind: 'input', value: (shown) => value ?? shown });
    return this;
  }

  /** Press `choice` in the next modal question. */
  press(choice: string): this {
    this.answers.push({ kind: 'choose', choice });
    return this;
  }

  choose<C extends string>(message: string, detail: string, choices: readonly C[]): Promise<C | undefined> {
    this.shown.push({ kind: 'choose', title: message, text: `${message}\n${detail}`, items: [], choices });
    const answer = this.take('choose');
    return Promise.resolve(choices.find((c) => c === answer?.choice));
  }

  /** Forgets answers nobody asked for and what was shown. */
  reset(): void {
    this.answers = [];
    this.shown.length = 0;
  }

  last(kind: PromptKind): ShownPrompt | undefined {
    return [...this.shown].reverse().find((p) => p.kind === kind);
  }

  pickMany<T extends PromptItem>(items: readonly T[], options: PickOptions): Promise<readonly T[] | undefined> {
    this.shown.push({ kind: 'pickMany', title: options.title, text: options.placeHolder ?? '', items });
    const answer = this.take('pickMany');
    return Promise.resolve(answer ? answer.pick(items).map((i) => items[i]).filter((x): x is T => x !== undefined) : undefined);
  }

  pickOne<T extends PromptItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    this.shown.push({ kind: 'pickOne', title: options.title, text: options.placeHolder ?? '', items });
    const answer = this.take('pickOne');
    return Promise.resolve(answer ? items[answer.pick(items)] : undefined);
  }

  input(options: InputOptions): Promise<string | undefined> {
    this.shown.push({ kind: 'input', title: options.title, text: options.prompt, items: [], ...(options.value !== undefined ? { value: options.value } : {}) });
    const answer = this.take('input');
    const value = answer?.value(options.value);
    // Like the real input box: a value the validation rejects cannot be accepted.
    return Promise.resolve(value !== undefined && options.validate?.(value) === undefined ? value : undefined);
  }

  private take<K extends PromptKind>(kind: K): Extract<Answer, { kind: K }> | undefined {
    const at = this.answers.findIndex((a) => a.kind === kind);
    if (at === -1) return undefined;
    const [answer] = this.answers.splice(at, 1);
    return answer as Extract<Answer, { kind: K }>;
  }
}

/** Puts a scripted prompter in place of the window's (undo with `api.prompts.use(undefined)`). */
export function scriptPrompts(api: TeamSupportApi): ScriptedPrompter {
  const scripted = new ScriptedPrompter();
  api.prompts.use(scripted);
  return scripted;
}
