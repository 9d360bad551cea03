import type { Disposable, LanguageClient, NotificationType, RequestParam } from 'vscode-languageclient/node';
import {
  anchorsMovedNotification,
  anchorsMovedParamsSchema,
  locateAnchorRequest,
  locateAnchorResultSchema,
  setBlockersNotification,
  setContributorsNotification,
  setRepositoryRootNotification,
  type AnchorsMovedParams,
  type LocateAnchorResult,
  type SetBlockersParams,
  type SetContributorsParams,
  type SetRepositoryRootParams,
} from '../protocol/lspProtocol';

/** Everything the extension tells the language server about the workspace. */
export interface ServerInputs {
  readonly root: SetRepositoryRootParams;
  readonly blockers: SetBlockersParams;
  readonly contributors: SetContributorsParams;
}

/**
 * The extension's side of the custom messages (protocol/lspProtocol.ts) on one language client:
 * each sent with its typed declaration, each received one zod-checked. Part of the lazy
 * dist/languageClient.js, so the startup bundle carries no vscode-languageserver-protocol.
 */
export class ServerMessages {
  /** The JSON last sent per method: a notification goes out only when its params changed. */
  private readonly lastSent = new Map<string, string>();

  constructor(
    private readonly client: LanguageClient,
    private readonly log: { warn(message: string): void },
  ) {}

  /** A (re)started server knows nothing yet: the next push sends everything. */
  forget(): void {
    this.lastSent.clear();
  }

  /** Sends what changed. Order matters: the root first, so the blockers' paths resolve. */
  async push(inputs: ServerInputs): Promise<void> {
    await this.sendIfChanged(setRepositoryRootNotification, inputs.root);
    await this.sendIfChanged(setBlockersNotification, inputs.blockers);
    await this.sendIfChanged(setContributorsNotification, inputs.contributors);
  }

  /** Where blocker `blockerId`'s code is now; undefined when the server's answer is malformed. */
  async locate(blockerId: string): Promise<LocateAnchorResult | undefined> {
    const parsed = locateAnchorResultSchema.safeParse(await this.client.sendRequest(locateAnchorRequest, { blockerId }));
    if (parsed.success) return parsed.data;
    this.log.warn(`Ignored a malformed ${locateAnchorRequest.method} answer from the language server.`);
    return undefined;
  }

  onAnchorsMoved(listener: (params: AnchorsMovedParams) => void): Disposable {
    return this.client.onNotification(anchorsMovedNotification, (raw: unknown) => {
      const parsed = anchorsMovedParamsSchema.safeParse(raw);
      if (parsed.success) listener(parsed.data);
      else this.log.warn(`Ignored a malformed ${anchorsMovedNotification.method} message from the language server.`);
    });
  }

  private async sendIfChanged<P>(type: NotificationType<P>, params: RequestParam<P>): Promise<void> {
    const json = JSON.stringify(params);
    if (this.lastSent.get(type.method) === json) return;
    this.lastSent.set(type.method, json);
    await this.client.sendNotification(type, params);
  }
}
