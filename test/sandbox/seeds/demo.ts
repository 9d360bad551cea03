import { commitOid, isoTime } from '../ids';
import type { SeedData } from '../model';
import { DAY, HOUR, teamRepo } from './builder';
import { addDemoOrganization } from './demoOrganization';

// The demo team (mona, sam, priya, kenji, lea) on acme/webshop. All dates are relative to `now`
// so the demo always looks current: 4 open #Blocked requests (one 5 h old with no reply, one by
// mona, two with replies), answered/closed ones, ~10 pull requests with reviews, pending review
// requests, comments and kudos.

const MIN = 60_000;

// The #Blocked request format the extension writes (src/blockers/draftContent.ts): headings,
// context list with a permalink, the code, and the hidden draft marker with the code's anchor.
function blockerBody(p: { id: string; doing: string; tried: string[]; lang: string; code: string; path: string; lines: [number, number]; branch: string }): string {
  const commit = commitOid(`demo:${p.id}`);
  const lines = `lines ${p.lines[0]}–${p.lines[1]}`;
  const anchor = { path: p.path, startLine: p.lines[0], endLine: p.lines[1], commit, text: p.code };
  return [
    "## What I'm trying to do",
    '',
    p.doing,
    '',
    '## What I tried',
    '',
    ...p.tried.map((t) => `- ${t}`),
    '',
    '## Context',
    '',
    `- File: \`${p.path}\`, ${lines}`,
    '- Repository: acme/webshop',
    `- Branch: \`${p.branch}\``,
    `- Permalink: https://github.com/acme/webshop/blob/${commit}/${p.path}#L${p.lines[0]}-L${p.lines[1]}`,
    '',
    '### Code',
    '',
    `\`\`\`${p.lang}`,
    p.code,
    '```',
    '',
    `<!-- team-support:draft ${p.id} ${Buffer.from(JSON.stringify(anchor), 'utf8').toString('base64url')} -->`,
    '',
  ].join('\n');
}

const kudos = (from: string, to: string, pr: number, text: string): string => `${text}\n\n<!-- team-support:kudos ${JSON.stringify({ to, from, pr })} -->`;

export function demoSeed(now: number = Date.now()): SeedData {
  const { b, repo, blocked, general, ideas } = teamRepo(now);
  const at = (msAgo: number): string => isoTime(now - msAgo);

  // ---- Pull requests (numbers fixed so kudos markers can name them) ----
  const pr5 = b.pullRequest(repo, { number: 5, title: 'Upgrade Playwright to 1.5x', body: 'Also switches the e2e job to the official container image.', author: 'sam', createdAt: at(9 * DAY), headRefName: 'sam/playwright-upgrade', state: 'MERGED', closedAt: at(8 * DAY) });
  b.review(repo, pr5, { author: 'mona', state: 'APPROVED', body: 'CI is green three times in a row. 👍', submittedAt: at(8 * DAY + 2 * HOUR) });
  const pr7 = b.pullRequest(repo, { number: 7, title: 'Structured logging for the payment service', body: 'Replaces `console.log` with pino; request ids in every line.', author: 'kenji', createdAt: at(11 * DAY), headRefName: 'kenji/pino', state: 'MERGED', closedAt: at(10 * DAY) });
  b.review(repo, pr7, { author: 'priya', state: 'APPROVED', body: 'Love the request ids.', submittedAt: at(10 * DAY + 3 * HOUR) });

  const pr9 = b.pullRequest(repo, { number: 9, title: 'Cache product search results in Redis', body: 'Adds a 60 s cache in front of product search.\n\nCloses #7', author: 'kenji', createdAt: at(10 * DAY), headRefName: 'kenji/search-cache', state: 'CLOSED', closedAt: at(8 * DAY) });
  b.review(repo, pr9, { author: 'lea', state: 'COMMENTED', body: 'Cache invalidation on price changes is missing, see inline comments.', submittedAt: at(9 * DAY) });
  b.issueComment(repo, pr9, { author: 'kenji', body: 'Closing in favour of the CDN-level cache Léa is setting up.', createdAt: at(8 * DAY) });

  const pr12 = b.pullRequest(repo, { number: 12, title: 'Checkout: retry idempotent payment capture', body: 'Retries `capturePayment` with an idempotency key so a flaky gateway no longer double-charges.\n\n- [x] unit tests\n- [x] tried against the Stripe test clock', author: 'mona', createdAt: at(3 * DAY), headRefName: 'mona/idempotent-capture', state: 'MERGED', closedAt: at(1 * DAY), commits: 3 });
  b.review(repo, pr12, { author: 'sam', state: 'CHANGES_REQUESTED', body: 'The retry reuses the key across different amounts — that would capture the wrong total after a cart edit.', submittedAt: at(2 * DAY + 4 * HOUR), commitOid: pr12.commits[0]?.oid });
  b.review(repo, pr12, { author: 'sam', state: 'APPROVED', body: 'Key now includes the amount. Ship it!', submittedAt: at(1 * DAY + 3 * HOUR) });
  b.issueComment(repo, pr12, { author: 'mona', body: kudos('mona', 'sam', 12, '@sam thank you for catching the idempotency-key bug — that would have double-charged customers after a cart edit. 🙏'), createdAt: at(1 * DAY) });

  const pr14 = b.pullRequest(repo, { number: 14, title: 'Add Apple Pay button to checkout', body: 'Shows the Apple Pay button on Safari when the wallet is available. Behind the `applePay` flag.', author: 'sam', createdAt: at(2 * DAY), headRefName: 'sam/apple-pay', commits: 2 });
  b.review(repo, pr14, { author: 'kenji', state: 'COMMENTED', body: 'Looks good; can we add a screenshot for the disabled state?', submittedAt: at(1 * DAY + 6 * HOUR), commitOid: pr14.commits[0]?.oid });
  b.requestReview(repo, pr14, 'mona', at(2 * DAY));
  b.requestReview(repo, pr14, 'priya', at(2 * DAY));
  b.issueComment(repo, pr14, { author: 'sam', body: 'Screenshot added in the description.', createdAt: at(20 * HOUR) });

  const pr15 = b.pullRequest(repo, { number: 15, title: 'Fix rounding for stacked discounts', body: 'Rounds once at the end instead of per discount (off-by-one-cent with 3+ discounts).', author: 'priya', createdAt: at(5 * HOUR), headRefName: 'priya/discount-rounding', commits: 1 });
  b.requestReview(repo, pr15, 'mona', at(5 * HOUR));
  b.requestReview(repo, pr15, 'kenji', at(5 * HOUR));

  const pr17 = b.pullRequest(repo, { number: 17, title: 'Payment service: local sandbox DB profile', body: 'WIP: adds a `sandbox` profile to docker-compose for the payment service.', author: 'kenji', createdAt: at(3 * HOUR), headRefName: 'kenji/payment-sandbox-db', isDraft: true, commits: 1 });
  void pr17;

  const pr18 = b.pullRequest(repo, { number: 18, title: 'Migrate product images to the new CDN', body: 'Switches image URLs to `cdn.acme.example` and adds a fallback for old paths.', author: 'lea', createdAt: at(4 * DAY), headRefName: 'lea/cdn-images', state: 'MERGED', closedAt: at(3 * DAY) });
  b.review(repo, pr18, { author: 'priya', state: 'APPROVED', body: 'Checked the fallback with the old sitemap — all good.', submittedAt: at(3 * DAY + 2 * HOUR) });
  b.issueComment(repo, pr18, { author: 'lea', body: kudos('lea', 'priya', 18, '@priya thanks for testing the fallback against the whole sitemap, that was above and beyond! 🎉'), createdAt: at(3 * DAY) });

  const pr19 = b.pullRequest(repo, { number: 19, title: 'Order history: cursor pagination', body: 'Replaces offset paging with cursors; fixes duplicates when new orders arrive while paging.', author: 'mona', createdAt: at(1 * DAY + 2 * HOUR), headRefName: 'mona/order-history-cursors', commits: 3 });
  b.review(repo, pr19, { author: 'lea', state: 'CHANGES_REQUESTED', body: 'The cursor leaks the internal order id; please encode it.', submittedAt: at(22 * HOUR), commitOid: pr19.commits[0]?.oid });
  b.issueComment(repo, pr19, { author: 'mona', body: 'Encoded the cursor, @lea could you take another look?', createdAt: at(6 * HOUR) });
  b.requestReview(repo, pr19, 'lea', at(6 * HOUR));

  const pr20 = b.pullRequest(repo, { number: 20, title: 'Lazy-load the recommendations carousel', body: 'Defers the carousel until it scrolls into view; LCP −180 ms on the product page.', author: 'lea', createdAt: at(20 * HOUR), headRefName: 'lea/lazy-carousel', commits: 2 });
  b.review(repo, pr20, { author: 'mona', state: 'APPROVED', body: 'Nice win. Tested on a throttled 3G profile.', submittedAt: at(4 * HOUR) });
  b.requestReview(repo, pr20, 'sam', at(20 * HOUR));
  b.issueComment(repo, pr20, { author: 'lea', body: kudos('lea', 'mona', 20, '@mona thank you for testing on throttled 3G — found a layout shift I had missed.'), createdAt: at(3 * HOUR) });

  const pr21 = b.pullRequest(repo, { number: 21, title: 'Bump TypeScript to 5.9', body: 'Also enables `noUncheckedIndexedAccess` in the storefront package.', author: 'priya', createdAt: at(6 * DAY), headRefName: 'priya/ts-5.9', state: 'MERGED', closedAt: at(5 * DAY) });
  b.review(repo, pr21, { author: 'kenji', state: 'APPROVED', body: 'Fixed the three new index-access errors in cart/ with you — LGTM.', submittedAt: at(5 * DAY + 3 * HOUR) });
  b.issueComment(repo, pr21, { author: 'priya', body: kudos('priya', 'kenji', 21, '@kenji thanks for pairing on the new strictness errors!'), createdAt: at(5 * DAY) });

  const pr23 = b.pullRequest(repo, { number: 23, title: 'Storefront: skeleton loaders for product grid', body: 'Replaces the spinner with skeleton cards.', author: 'sam', createdAt: at(9 * HOUR), headRefName: 'sam/skeletons', commits: 1 });
  b.requestReview(repo, pr23, 'lea', at(9 * HOUR));

  // ---- #Blocked discussions ----
  const stripe = b.discussion(repo, blocked, {
    number: 24,
    title: 'Stripe webhook signature check fails locally',
    author: 'sam',
    createdAt: at(5 * HOUR + 10 * MIN),
    body: blockerBody({
      id: 'demo-blocker-01-0000',
      branch: 'main',
      doing: 'Run the checkout webhook handler locally with `stripe listen` forwarding events.',
      tried: ['Re-copied the signing secret printed by `stripe listen`', 'Logged the raw body length — it differs from Content-Length', 'Disabled the JSON body parser for `/webhooks` (no change)'],
      lang: 'ts',
      code: "const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);\n// -> No signatures found matching the expected signature for payload",
      path: 'services/checkout/src/webhooks.ts',
      lines: [42, 51],
    }),
  });
  void stripe;

  const rounding = b.discussion(repo, blocked, {
    number: 25,
    title: 'Cart total off by one cent with 3+ discounts',
    author: 'priya',
    createdAt: at(2 * HOUR + 20 * MIN),
    body: blockerBody({
      id: 'demo-blocker-02-0000',
      branch: 'main',
      doing: 'Make stacked discounts add up to the same total as the invoice service.',
      tried: ['Switched to integer cents everywhere in `applyDiscounts`', 'Compared with the invoice service rounding mode (HALF_EVEN)'],
      lang: 'ts',
      // Anchored on the demo workspace's own file, so `npm start` shows this blocker's CodeLens there.
      code: [
        '  // TODO: discounts are applied per line, but the coupon rules say "per order" — ask the team.',
        '  applyDiscount(percent: number): Cents {',
        '    return Math.round(this.subtotal() * (1 - percent / 100));',
        '  }',
      ].join('\n'),
      path: 'src/cart.ts',
      lines: [41, 44],
    }),
  });
  const kenjiOnRounding = b.comment(repo, rounding, { author: 'kenji', createdAt: at(1 * HOUR + 50 * MIN), body: 'Rounding inside the reduce compounds the error. Try rounding once after applying all rates — and use banker\'s rounding to match invoices.' });
  b.comment(repo, rounding, { author: 'priya', createdAt: at(1 * HOUR + 30 * MIN), body: 'That fixes 3 discounts but 5 are still off — is the order of discounts relevant?', replyTo: kenjiOnRounding });

  const flaky = b.discussion(repo, blocked, {
    number: 26,
    title: 'Flaky e2e: order-history.spec.ts times out in CI',
    author: 'mona',
    createdAt: at(1 * HOUR + 15 * MIN),
    body: blockerBody({
      id: 'demo-blocker-03-0000',
      branch: 'main',
      doing: 'Get the order-history e2e test green in CI (passes locally every time).',
      tried: ['Raised the Playwright timeout to 60 s', 'Ran with `--repeat-each=20` locally: 20/20 pass', 'Checked the CI seed data: 3 orders instead of 40'],
      lang: 'ts',
      code: "await page.getByRole('button', { name: 'Load more' }).click();\nawait expect(page.getByTestId('order-row')).toHaveCount(40);",
      path: 'e2e/order-history.spec.ts',
      lines: [27, 33],
    }),
  });
  b.comment(repo, flaky, { author: 'lea', createdAt: at(40 * MIN), body: 'CI uses the `small` fixture set — with 3 orders there is no "Load more" button. Try seeding with `FIXTURES=full`.' });

  b.discussion(repo, blocked, {
    number: 27,
    title: 'How do I run the payment service against the sandbox DB?',
    author: 'kenji',
    createdAt: at(25 * MIN),
    body: blockerBody({
      id: 'demo-blocker-04-0000',
      branch: 'main',
      doing: 'Start the payment service locally against the shared sandbox database instead of my empty local one.',
      tried: ['Set `DATABASE_URL` to the sandbox host from the wiki', 'Connected with psql (works), but the service still uses localhost'],
      lang: 'yaml',
      code: 'services:\n  payment:\n    environment:\n      DATABASE_URL: postgres://localhost:5432/payment',
      path: 'docker-compose.yml',
      lines: [58, 62],
    }),
  });

  // Answered and closed ones.
  const cdn = b.discussion(repo, blocked, {
    number: 10,
    title: 'Product images 404 after the CDN switch',
    author: 'lea',
    createdAt: at(3 * DAY + 5 * HOUR),
    body: blockerBody({
      id: 'demo-blocker-05-0000',
      branch: 'main', doing: 'Serve product images from the new CDN.', tried: ['Purged the CDN cache', 'Checked the bucket policy'], lang: 'ts', code: "const url = `${CDN}/${image.path}`; // path already starts with '/'", path: 'packages/storefront/src/images.ts', lines: [9, 12] }),
  });
  const samOnCdn = b.comment(repo, cdn, { author: 'sam', createdAt: at(3 * DAY + 4 * HOUR), body: '`image.path` already has a leading slash, so the URL ends up with `//`. The new CDN does not normalise that.' });
  b.comment(repo, cdn, { author: 'lea', createdAt: at(3 * DAY + 3 * HOUR), body: 'That was it, thank you!', replyTo: samOnCdn });
  b.answer(cdn, samOnCdn, 'lea', at(3 * DAY + 3 * HOUR));
  b.close(cdn, 'RESOLVED', at(3 * DAY + 3 * HOUR));

  const types = b.discussion(repo, blocked, {
    number: 22,
    title: "TypeScript can't find types for @acme/ui",
    author: 'sam',
    createdAt: at(1 * DAY + 4 * HOUR),
    body: blockerBody({
      id: 'demo-blocker-06-0000',
      branch: 'main', doing: 'Import `Button` from `@acme/ui` in the storefront.', tried: ['Restarted the TS server', 'Deleted node_modules'], lang: 'ts', code: "import { Button } from '@acme/ui'; // TS7016", path: 'packages/storefront/src/Checkout.tsx', lines: [1, 3] }),
  });
  const priyaOnTypes = b.comment(repo, types, { author: 'priya', createdAt: at(1 * DAY + 3 * HOUR), body: '`@acme/ui` only builds its `.d.ts` on `npm run build -w ui`. Run that once (or use the `dev` task which watches it).' });
  b.answer(types, priyaOnTypes, 'sam', at(1 * DAY + 2 * HOUR));

  const old = b.discussion(repo, blocked, {
    number: 6,
    title: 'Local HTTPS certificate expired',
    author: 'kenji',
    createdAt: at(12 * DAY),
    body: blockerBody({
      id: 'demo-blocker-07-0000',
      branch: 'main', doing: 'Run the storefront on https://localhost.', tried: ['Regenerated with mkcert'], lang: 'sh', code: 'mkcert -install && mkcert localhost', path: 'scripts/dev-certs.sh', lines: [3, 4] }),
  });
  b.close(old, 'OUTDATED', at(11 * DAY));

  // Other categories, so the Blocked filter has something to filter out.
  b.discussion(repo, general, { number: 8, title: 'Release train for the holiday freeze', author: 'priya', createdAt: at(6 * DAY), body: 'Last release before the freeze is on the 12th. Please get reviews in early!' });
  b.discussion(repo, ideas, { number: 11, title: 'Idea: visual regression tests for the checkout', author: 'lea', createdAt: at(2 * DAY), body: 'Playwright screenshots on the three checkout steps would have caught the Apple Pay layout bug.' });

  addDemoOrganization(b, now);
  return b.data;
}
