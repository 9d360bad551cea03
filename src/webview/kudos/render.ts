import {
  KUDOS_MESSAGE_MAX,
  WINDOW_DAYS,
  kudosFormKey,
  kudosMessageSchema,
  type KudosEntry,
  type KudosViewModel,
  type MedianChange,
  type ReviewerGroup,
  type SendKudosRequest,
  type Surface,
  type WindowDays,
} from '../../protocol/kudosProtocol';
import { renderBalance } from './balanceChart';
import { button, h } from './dom';
import { formatChange, formatDate, formatDuration, formatStates } from './format';

/** What the rendering needs from the app: the user's intents and the form state it keeps. */
export interface RenderContext {
  readonly surface: Surface;
  readonly windowDays: WindowDays;
  readonly loading: boolean;
  setWindow(days: WindowDays): void;
  send(request: SendKudosRequest): void;
  openPullRequest(prNumber: number): void;
  command(command: 'openPanel' | 'draftStandup' | 'signIn' | 'refresh'): void;
  isFormOpen(key: string): boolean;
  toggleForm(key: string): void;
  draft(key: string): string;
  setDraft(key: string, text: string): void;
  formStatus(key: string): { readonly pending: boolean; readonly error?: string; readonly done?: string } | undefined;
}

export function renderWindowPicker(ctx: RenderContext): HTMLElement {
  const group = h('div', { class: 'window-picker', role: 'group', 'aria-label': 'Time window' });
  for (const days of WINDOW_DAYS) {
    const selected = days === ctx.windowDays;
    group.appendChild(
      button(`${days} days`, () => ctx.setWindow(days), {
        class: selected ? 'toggle selected' : 'toggle',
        'aria-pressed': String(selected),
      }),
    );
  }
  return group;
}

export function renderToolbar(ctx: RenderContext): HTMLElement {
  const bar = h('div', { class: 'toolbar' }, renderWindowPicker(ctx));
  const actions = h('div', { class: 'actions' });
  actions.appendChild(button('Refresh', () => ctx.command('refresh'), { class: 'secondary', title: 'Fetch again' }));
  actions.appendChild(button('Stand-up note', () => ctx.command('draftStandup'), { class: 'secondary' }));
  if (ctx.surface === 'view') actions.appendChild(button('Full picture', () => ctx.command('openPanel'), { class: 'secondary' }));
  bar.appendChild(actions);
  if (ctx.loading) bar.appendChild(h('span', { class: 'muted loading', role: 'status' }, 'Loading…'));
  return bar;
}

function sendForm(ctx: RenderContext, group: ReviewerGroup, prNumber: number, reviewId: string, key: string): HTMLElement {
  const status = ctx.formStatus(key);
  const id = `kudos-${key.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const textarea = h('textarea', {
    id,
    rows: '3',
    maxlength: String(KUDOS_MESSAGE_MAX),
    placeholder: `What did @${group.reviewer}'s review help with?`,
    'data-key': key,
    'aria-describedby': `${id}-hint`,
  });
  textarea.value = ctx.draft(key);
  const hint = h('div', { id: `${id}-hint`, class: 'hint', 'aria-live': 'polite' });
  const heart = h('input', { type: 'checkbox', id: `${id}-heart` });
  heart.checked = true;
  const sendButton = button(status?.pending ? 'Sending…' : 'Send', () => {
    const parsed = kudosMessageSchema.safeParse(textarea.value);
    if (!parsed.success) {
      hint.textContent = parsed.error.issues[0]?.message ?? 'Write a message.';
      hint.className = 'hint error';
      textarea.focus();
      return;
    }
    ctx.send({ prNumber, reviewer: group.reviewer, reviewId, message: textarea.value, heart: heart.checked });
  });
  sendButton.disabled = status?.pending === true;
  const updateHint = (): void => {
    const n = textarea.value.length;
    // A failed send's reason stays styled as an error until the user types again.
    hint.className = status?.error !== undefined || n > KUDOS_MESSAGE_MAX ? 'hint error' : 'hint';
    hint.textContent = status?.error ?? `${n} / ${KUDOS_MESSAGE_MAX}`;
  };
  updateHint();
  textarea.addEventListener('input', () => {
    ctx.setDraft(key, textarea.value);
    hint.textContent = `${textarea.value.length} / ${KUDOS_MESSAGE_MAX}`;
    hint.className = textarea.value.length > KUDOS_MESSAGE_MAX ? 'hint error' : 'hint';
  });
  return h(
    'div',
    { class: 'send-form' },
    h('label', { for: id, class: 'visually-hidden' }, `Kudos message for @${group.reviewer}`),
    textarea,
    hint,
    h('div', { class: 'form-row' }, h('label', { for: `${id}-heart` }, heart, ' Add ♥ to the review'), sendButton, button('Cancel', () => ctx.toggleForm(key), { class: 'secondary' })),
  );
}

export function renderReviewsReceived(model: KudosViewModel, ctx: RenderContext): HTMLElement {
  const section = h('section', { class: 'reviews', 'aria-label': 'Reviews you received' }, h('h2', {}, 'Reviews you received'));
  if (model.reviewsReceived.length === 0) {
    section.appendChild(h('p', { class: 'muted' }, `No reviews on your pull requests in the last ${model.windowDays} days.`));
    return section;
  }
  for (const group of model.reviewsReceived) {
    const list = h('ul', { class: 'pulls', role: 'list' });
    for (const pr of group.pullRequests) {
      const key = kudosFormKey(pr.prNumber, group.reviewer);
      const status = ctx.formStatus(key);
      const open = ctx.isFormOpen(key);
      const title = button(`#${pr.prNumber} ${pr.prTitle}`, () => ctx.openPullRequest(pr.prNumber), { class: 'link', title: 'Open the pull request' });
      const meta = h('span', { class: 'muted meta' }, ` ${formatStates(pr.states)} · ${formatDate(pr.submittedAt)}`);
      const item = h('li', { class: 'pull' }, h('div', { class: 'pull-line' }, title, meta));
      if (status?.done) item.appendChild(h('div', { class: 'done', role: 'status' }, status.done));
      if (pr.kudosSent) {
        item.appendChild(h('span', { class: 'badge sent' }, '♥ Kudos sent'));
      } else {
        item.appendChild(
          button(open ? 'Close' : 'Send kudos', () => ctx.toggleForm(key), {
            class: open ? 'secondary send-kudos' : 'send-kudos',
            'aria-expanded': String(open),
            'aria-label': `Send kudos to @${group.reviewer} for #${pr.prNumber}`,
          }),
        );
        if (open) item.appendChild(sendForm(ctx, group, pr.prNumber, pr.reviewId, key));
      }
      list.appendChild(item);
    }
    const count = group.reviewCount === 1 ? '1 review' : `${group.reviewCount} reviews`;
    section.appendChild(h('div', { class: 'reviewer' }, h('h3', {}, `@${group.reviewer}`, h('span', { class: 'muted' }, ` · ${count}`)), list));
  }
  return section;
}

function kudosList(title: string, entries: readonly KudosEntry[], direction: 'from' | 'to', limit: number, empty: string): HTMLElement {
  const section = h('section', { class: 'kudos', 'aria-label': title }, h('h2', {}, title, h('span', { class: 'muted' }, ` · ${entries.length}`)));
  if (entries.length === 0) {
    section.appendChild(h('p', { class: 'muted' }, empty));
    return section;
  }
  const list = h('ul', { role: 'list' });
  for (const e of entries.slice(0, limit)) {
    const who = direction === 'from' ? `from @${e.from}` : `to @${e.to}`;
    list.appendChild(
      h('li', { class: 'kudos-entry' }, h('div', { class: 'meta muted' }, `${who} on #${e.prNumber} ${e.prTitle} · ${formatDate(e.at)}`), h('blockquote', {}, e.message)),
    );
  }
  section.appendChild(list);
  if (entries.length > limit) section.appendChild(h('p', { class: 'muted' }, `and ${entries.length - limit} more`));
  return section;
}

export function renderKudos(model: KudosViewModel, full: boolean): HTMLElement[] {
  const limit = full ? 50 : 3;
  return [
    kudosList('Kudos you received', model.kudosReceived, 'from', limit, 'None in this window yet.'),
    kudosList('Kudos you gave', model.kudosGiven, 'to', limit, 'None in this window yet — a review you valued is a good start.'),
  ];
}

function healthRow(label: string, m: MedianChange): HTMLElement {
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, label),
    h('td', {}, formatDuration(m.current), h('span', { class: 'muted' }, ` (${m.count})`)),
    h('td', {}, formatDuration(m.previous), h('span', { class: 'muted' }, ` (${m.previousCount})`)),
    h('td', {}, formatChange(m.current, m.previous)),
  );
}

export function renderHealth(model: KudosViewModel): HTMLElement {
  const { health } = model;
  return h(
    'section',
    { class: 'health', 'aria-label': 'Team health' },
    h('h2', {}, 'Team health'),
    h(
      'table',
      { class: 'health-table' },
      h('caption', { class: 'muted' }, `Medians for the last ${model.windowDays} days vs the ${model.windowDays} days before (count in brackets)`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Measure'), h('th', { scope: 'col' }, 'This window'), h('th', { scope: 'col' }, 'Previous'), h('th', { scope: 'col' }, 'Change'))),
      h(
        'tbody',
        {},
        healthRow('First reply to a #Blocked request', health.blockerFirstResponse),
        healthRow('#Blocked request resolved', health.blockerResolution),
        healthRow('First review of a pull request', health.prFirstReview),
      ),
    ),
  );
}

export function renderModel(model: KudosViewModel, ctx: RenderContext): HTMLElement[] {
  const full = ctx.surface === 'panel';
  const out: HTMLElement[] = [renderToolbar(ctx)];
  out.push(h('p', { class: 'muted scope' }, `${model.repo} · @${model.me} · ${formatDate(model.windowStart)} – ${formatDate(model.windowEnd)}`));
  for (const notice of model.notices) out.push(h('p', { class: 'notice', role: 'note' }, notice));
  out.push(renderReviewsReceived(model, ctx));
  out.push(...renderKudos(model, full));
  out.push(renderBalance(model, full));
  out.push(renderHealth(model));
  return out;
}
