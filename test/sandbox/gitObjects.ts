import { createHash } from 'node:crypto';
import { type ExecContext, GitHubResolverError } from './context';
import type { RepositoryRecord } from './model';

// `Repository.object(expression: "HEAD:path")` over a seeded repository's files (its default branch):
// a Blob with the file's text, a Tree for a folder that holds files, null for anything else — as
// GitHub answers for a path the revision does not have. Only revisions of the default branch exist.

export interface BlobObject {
  readonly __typename: 'Blob';
  readonly id: string;
  readonly oid: string;
  readonly abbreviatedOid: string;
  readonly byteSize: number;
  readonly text: string | null;
  readonly isBinary: boolean;
  readonly isTruncated: boolean;
  readonly repositoryId: string;
}

export interface TreeObject {
  readonly __typename: 'Tree';
  readonly id: string;
  readonly oid: string;
  readonly abbreviatedOid: string;
  readonly repositoryId: string;
}

/** GitHub stops `text` at 512 KB and says so with `isTruncated`. */
const TEXT_LIMIT_BYTES = 512 * 1024;

/** Git's object id of a blob: sha1 over `blob <size>\0<content>`. */
function blobOid(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** `expression` is `<revision>:<path>`; lookups by `oid` are not modelled (null). */
export function repositoryObject(repo: RepositoryRecord, expression: string | null): BlobObject | TreeObject | null {
  if (expression === null) return null;
  const colon = expression.indexOf(':');
  if (colon < 0) return null;
  const revision = expression.slice(0, colon);
  const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, '');
  const revisions = ['HEAD', repo.defaultBranch, `refs/heads/${repo.defaultBranch}`, repo.defaultBranchOid];
  if (!revisions.includes(revision)) return null;
  const text = repo.files[path];
  if (text !== undefined) {
    const bytes = Buffer.from(text, 'utf8');
    const oid = blobOid(bytes);
    const isBinary = bytes.includes(0);
    const isTruncated = !isBinary && bytes.length > TEXT_LIMIT_BYTES;
    return {
      __typename: 'Blob',
      id: `B_kwDO${Buffer.from(oid.slice(0, 16), 'hex').toString('base64url')}`,
      oid,
      abbreviatedOid: oid.slice(0, 7),
      byteSize: bytes.length,
      text: isBinary ? null : isTruncated ? bytes.subarray(0, TEXT_LIMIT_BYTES).toString('utf8') : text,
      isBinary,
      isTruncated,
      repositoryId: repo.id,
    };
  }
  const folder = path === '' ? '' : `${path}/`;
  if (!Object.keys(repo.files).some((p) => p.startsWith(folder))) return null;
  const oid = createHash('sha1').update(`tree ${repo.id}:${path}`).digest('hex');
  return { __typename: 'Tree', id: `T_kwDO${Buffer.from(oid.slice(0, 16), 'hex').toString('base64url')}`, oid, abbreviatedOid: oid.slice(0, 7), repositoryId: repo.id };
}

const SAML_MESSAGE = 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.';

/**
 * The `ssoRequired` fault in GraphQL, the way GitHub reports it: the request still answers 200; each
 * field that reads the organization's protected data (its teams, its repositories) is null with a
 * FORBIDDEN error marked `saml_failure` (the server adds `x-github-sso: required; url=…`).
 */
export function requireSamlAuthorization(ctx: ExecContext, organization: string): void {
  const enforced = ctx.samlEnforcedOrg;
  if (enforced === undefined || enforced.toLowerCase() !== organization.toLowerCase()) return;
  ctx.samlFailures.push(organization);
  throw new GitHubResolverError('FORBIDDEN', SAML_MESSAGE, { saml_failure: true });
}
