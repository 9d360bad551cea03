import * as vscode from 'vscode';

/**
 * The questions the extension asks before something leaves the machine (secrets found, an unfilled
 * request, a kudos message), behind one small interface: integration tests cannot answer a real
 * dialog, so they put a scripted prompter in its place (`use`) and can then both answer the
 * question and see that it was asked, with what it showed. Nothing else is switchable here.
 */

export interface PromptItem {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly picked?: boolean;
}

export interface PickOptions {
  readonly title: string;
  readonly placeHolder?: string;
}

export interface InputOptions {
  readonly title: string;
  readonly prompt: string;
  readonly value?: string;
  /** An error message for `value`, or undefined when it is fine. */
  readonly validate?: (value: string) => string | undefined;
}

export interface Prompter {
  /** Several items (checkboxes); undefined when the user cancels. */
  pickMany<T extends PromptItem>(items: readonly T[], options: PickOptions): Promise<readonly T[] | undefined>;
  pickOne<T extends PromptItem>(items: readonly T[], options: PickOptions): Promise<T | undefined>;
  input(options: InputOptions): Promise<string | undefined>;
  /** A modal question with its choices; the chosen one, or undefined when dismissed. */
  choose<C extends string>(message: string, detail: string, choices: readonly C[]): Promise<C | undefined>;
}

export const windowPrompter: Prompter = {
  async pickMany(items, options) {
    const picked = await vscode.window.showQuickPick([...items], { ...options, canPickMany: true, ignoreFocusOut: true });
    return picked;
  },
  async pickOne(items, options) {
    return vscode.window.showQuickPick([...items], { ...options, ignoreFocusOut: true, matchOnDetail: true });
  },
  async input(options) {
    return vscode.window.showInputBox({
      title: options.title,
      prompt: options.prompt,
      value: options.value ?? '',
      ignoreFocusOut: true,
      ...(options.validate ? { validateInput: options.validate } : {}),
    });
  },
  async choose(message, detail, choices) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...choices);
  },
};

/** The extension's prompter: the window's, unless an integration test put a scripted one in its place. */
export class SwitchablePrompter implements Prompter {
  private inner: Prompter = windowPrompter;

  use(prompter: Prompter | undefined): void {
    this.inner = prompter ?? windowPrompter;
  }

  pickMany<T extends PromptItem>(items: readonly T[], options: PickOptions): Promise<readonly T[] | undefined> {
    return this.inner.pickMany(items, options);
  }

  pickOne<T extends PromptItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
    return this.inner.pickOne(items, options);
  }

  input(options: InputOptions): Promise<string | undefined> {
    return this.inner.input(options);
  }

  choose<C extends string>(message: string, detail: string, choices: readonly C[]): Promise<C | undefined> {
    return this.inner.choose(message, detail, choices);
  }
}
