import { TEAM_CONFIG_PATH } from '../../../src/team/configPath';
import { isoTime } from '../ids';
import { DAY, HOUR, type SeedBuilder } from './builder';

// The demo's second organization: globex, whose team `globex/shop` (mona, sam, priya, kenji)
// works across two repositories, globex/storefront (the home: Discussions with #Blocked) and
// globex/payments. Also the team `acme/webshop` (all five) and a token of mona's without
// `read:org`. Added after the rest of the demo, so the acme records keep their ids.

export const DEMO_ORG_TEAM = ['mona', 'sam', 'priya', 'kenji'] as const;
/** A classic token of mona's that lacks `read:org` (GitHub teams can't be read with it). */
export const TOKEN_WITHOUT_READ_ORG = 'sandbox-token-mona-without-read-org';

/** globex/storefront's team config on GitHub (the home of the team `globex/shop`). */
export const DEMO_HOME_CONFIG = 'members: ["@globex/shop", lea]\nrepositories: [globex/storefront, globex/payments]\n';

export function addDemoOrganization(b: SeedBuilder, now: number): void {
  const at = (msAgo: number): string => isoTime(now - msAgo);
  const created = at(300 * DAY);
  b.team('acme', 'webshop', 'Webshop', ['mona', 'sam', 'priya', 'kenji', 'lea'], ['mona'], created);

  b.user('globex', 'Globex Corporation', created, 'Organization');
  const everyone = ['mona', 'sam', 'priya', 'kenji', 'lea'];
  const storefront = b.repository('globex', 'storefront', everyone, created);
  storefront.description = "Globex's storefront: product pages and the cart.";
  const payments = b.repository('globex', 'payments', everyone, created);
  payments.description = 'Payment capture and refunds.';
  payments.hasDiscussionsEnabled = false;
  // What a teammate who opens only payments reads from GitHub: the pointer, then the home's config.
  storefront.files[TEAM_CONFIG_PATH] = DEMO_HOME_CONFIG;
  payments.files[TEAM_CONFIG_PATH] = `home: globex/storefront\n`;
  b.team('globex', 'shop', 'Shop', [...DEMO_ORG_TEAM], ['sam'], created);

  const blocked = b.category(storefront, 'Blocked', ':construction:', true, 'Stuck? Ask the team.');
  b.category(storefront, 'General', ':speech_balloon:', false, 'Chat about anything and everything here');
  const stuck = b.discussion(storefront, blocked, {
    number: 3,
    title: 'Refund webhook never reaches the storefront',
    author: 'priya',
    createdAt: at(2 * HOUR),
    body: "## What I'm trying to do\n\nShow a refund as soon as payments processes it.\n\n## What I tried\n\n- Replayed the webhook by hand\n",
  });
  b.comment(storefront, stuck, { author: 'kenji', createdAt: at(1 * HOUR), body: 'The webhook secret differs between the two repositories’ `.env.example`.' });

  b.pullRequest(storefront, { number: 4, title: 'Storefront: show refunds on the order page', body: 'Reads the refund status from payments.', author: 'mona', createdAt: at(6 * HOUR), headRefName: 'mona/refund-status', commits: 1 });
  b.pullRequest(storefront, { number: 5, title: 'Storefront: lazy-load product images', body: 'Native lazy loading below the fold.', author: 'sam', createdAt: at(1 * DAY), headRefName: 'sam/lazy-images', commits: 1 });
  b.pullRequest(payments, { number: 2, title: 'Payments: retry refunds on a 502', body: 'Retries refund calls once on a gateway 502.', author: 'mona', createdAt: at(4 * HOUR), headRefName: 'mona/refund-retry', commits: 1 });
  b.pullRequest(payments, { number: 3, title: 'Payments: refund webhook signature', body: 'Signs the refund webhook with the shared secret.', author: 'priya', createdAt: at(3 * HOUR), headRefName: 'priya/webhook-signature', commits: 1 });
  b.pullRequest(payments, { number: 6, title: 'Payments: idempotent partial refunds', body: 'One key per refund line.', author: 'kenji', createdAt: at(5 * HOUR), headRefName: 'kenji/partial-refunds', commits: 1 });
  b.pullRequest(storefront, { number: 7, title: 'Storefront: currency switcher', body: 'EUR/USD on product pages.', author: 'kenji', createdAt: at(2 * DAY), headRefName: 'kenji/currency', commits: 1 });

  b.data.tokens.push({ token: TOKEN_WITHOUT_READ_ORG, login: 'mona', scopes: ['repo', 'read:discussion', 'write:discussion'] });
}
