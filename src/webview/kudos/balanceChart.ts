import type { Concentration, KudosViewModel, MemberBalance } from '../../protocol/kudosProtocol';
import { h, svg } from './dom';

/**
 * The reciprocity balance: per member, given vs received (reviews and blocker replies) as an
 * inline SVG built with DOM APIs, with a table holding the same numbers for screen readers and
 * anyone who prefers text. Members stay in team order: no ranking, no leaderboard.
 */

const ROW = 22;
const LABEL = 90;
const BAR_MAX = 110;
const GAP = 8;

function concentrationText(c: Concentration): string {
  switch (c.kind) {
    case 'reviewShare':
      return `@${c.login} did ${Math.round(c.value * 100)}% of the team's reviews — worth sharing the load.`;
    case 'reviewRatio':
      return `@${c.login} gave ${c.value.toFixed(1)}× as many reviews as they received.`;
    case 'replyShare':
      return `@${c.login} wrote ${Math.round(c.value * 100)}% of the replies to blockers — worth sharing the load.`;
    case 'replyRatio':
      return `@${c.login} gave ${c.value.toFixed(1)}× as many blocker replies as they received.`;
  }
}

function chart(members: readonly MemberBalance[], metric: 'reviews' | 'replies', flagged: ReadonlySet<string>): SVGSVGElement {
  const given = (m: MemberBalance): number => (metric === 'reviews' ? m.reviewsGiven : m.repliesGiven);
  const received = (m: MemberBalance): number => (metric === 'reviews' ? m.reviewsReceived : m.repliesReceived);
  const max = Math.max(1, ...members.map((m) => Math.max(given(m), received(m))));
  const width = LABEL + 2 * BAR_MAX + 3 * GAP + 40;
  const height = ROW * (members.length + 1);
  const title = metric === 'reviews' ? 'Reviews given and received per member' : 'Blocker replies given and received per member';
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', class: 'balance-chart' });
  root.setAttribute('aria-label', title);
  root.appendChild(svg('title', {}, title));
  const mid = LABEL + BAR_MAX + GAP;
  root.appendChild(svg('text', { x: mid - GAP, y: 14, 'text-anchor': 'end', class: 'axis' }, 'given'));
  root.appendChild(svg('text', { x: mid + GAP, y: 14, class: 'axis' }, 'received'));
  members.forEach((m, i) => {
    const y = ROW * (i + 1);
    const g = given(m);
    const r = received(m);
    const gw = (g / max) * BAR_MAX;
    const rw = (r / max) * BAR_MAX;
    const row = svg('g', { class: flagged.has(m.login.toLowerCase()) ? 'row flagged' : 'row' });
    row.appendChild(svg('text', { x: 0, y: y + 14, class: 'label' }, `@${m.login}`));
    row.appendChild(svg('rect', { x: mid - GAP / 2 - gw, y: y + 4, width: gw, height: ROW - 8, class: 'bar given' }));
    row.appendChild(svg('rect', { x: mid + GAP / 2, y: y + 4, width: rw, height: ROW - 8, class: 'bar received' }));
    row.appendChild(svg('text', { x: mid - GAP / 2 - gw - 4, y: y + 14, 'text-anchor': 'end', class: 'value' }, g));
    row.appendChild(svg('text', { x: mid + GAP / 2 + rw + 4, y: y + 14, class: 'value' }, r));
    root.appendChild(row);
  });
  return root;
}

function table(members: readonly MemberBalance[]): HTMLTableElement {
  return h(
    'table',
    { class: 'balance-table' },
    h('caption', {}, 'Reciprocity in numbers'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Member'),
        h('th', { scope: 'col' }, 'Reviews given'),
        h('th', { scope: 'col' }, 'Reviews received'),
        h('th', { scope: 'col' }, 'Blocker replies given'),
        h('th', { scope: 'col' }, 'Blocker replies received'),
      ),
    ),
    h(
      'tbody',
      {},
      ...members.map((m) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `@${m.login}`),
          h('td', {}, m.reviewsGiven),
          h('td', {}, m.reviewsReceived),
          h('td', {}, m.repliesGiven),
          h('td', {}, m.repliesReceived),
        ),
      ),
    ),
  );
}

export function renderBalance(model: KudosViewModel, full: boolean): HTMLElement {
  const { members, concentration } = model.balance;
  const section = h('section', { class: 'balance', 'aria-label': 'Reciprocity balance' }, h('h2', {}, 'Reciprocity balance'));
  if (members.length === 0) {
    section.appendChild(h('p', { class: 'muted' }, 'Add the team to .github/team-support.yml to see the balance.'));
    return section;
  }
  if (concentration.length > 0) {
    const list = h('ul', { class: 'concentration', role: 'list' });
    for (const c of concentration) list.appendChild(h('li', { class: 'warning' }, concentrationText(c)));
    section.appendChild(list);
  } else {
    section.appendChild(h('p', { class: 'muted' }, 'The load is shared: nobody carries an outsized part.'));
  }
  const flagged = new Set(concentration.map((c) => c.login.toLowerCase()));
  section.appendChild(h('h3', {}, 'Reviews'));
  section.appendChild(chart(members, 'reviews', flagged));
  if (full) {
    section.appendChild(h('h3', {}, 'Blocker replies'));
    section.appendChild(chart(members, 'replies', flagged));
  }
  const details = h('details', { class: 'table-alternative' }, h('summary', {}, 'Show as a table'), table(members));
  if (full) details.open = true;
  section.appendChild(details);
  return section;
}
