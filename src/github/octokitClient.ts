import { Octokit as OctokitCore } from '@octokit/core';
import { paginateGraphQL } from '@octokit/plugin-paginate-graphql';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

/**
 * octokit's client with the plugins the gateway uses: GraphQL pagination, retries of transient
 * failures, and rate-limit throttling. Composed from the same packages the `octokit` package is
 * built from, without what the extension never uses (GitHub App, webhooks, OAuth apps, the REST
 * method catalogue): about 130 KB less to load at activation.
 */
export const Octokit = OctokitCore.plugin(paginateGraphQL, retry, throttling);
