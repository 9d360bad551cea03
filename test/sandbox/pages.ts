import type { Store } from './store';
import { avatarUrl } from './urls';

// Minimal html pages at GitHub's web paths so "Open on GitHub" / "Copy link" targets resolve
// offline. Text is escaped: bodies are hostile input.

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title><style>body{font:14px system-ui;max-width:820px;margin:2em auto;padding:0 1em}pre{white-space:pre-wrap;background:#f6f8fa;padding:1em;border-radius:6px}.c{border-top:1px solid #ddd;padding-top:.5em}img{vertical-align:middle;border-radius:50%}</style></head><body>${body}<p><small>GitHub sandbox</small></p></body></html>`;
}

const who = (base: string, login: string): string => `<img src="${esc(avatarUrl(base, login))}" width="20" height="20" alt=""> <b>${esc(login)}</b>`;

/** An html page for a web path, or undefined when the path isn't one we know. */
export function htmlPage(store: Store, base: string, path: string): string | undefined {
  const m = /^\/([^/]+)\/([^/]+)\/(discussions|pull)\/(\d+)$/.exec(path);
  if (m) {
    const repo = store.repository(m[1] ?? '', m[2] ?? '');
    if (!repo) return undefined;
    const n = Number(m[4]);
    if (m[3] === 'discussions') {
      const d = store.discussionByNum(repo.id, n);
      if (!d) return undefined;
      const comments = store.allComments(d.id).map((c) => `<div class="c" id="discussioncomment-${c.databaseId}">${who(base, c.author)} ${c.replyToId ? '(reply)' : ''} ${d.answerId === c.id ? '✅ answer' : ''}<pre>${esc(c.body)}</pre></div>`);
      return page(d.title, `<h1>${esc(d.title)} #${d.number}</h1><p>${d.closed ? 'Closed' : 'Open'} · ${who(base, d.author)} · ${esc(d.createdAt)}</p><pre>${esc(d.body)}</pre>${comments.join('')}`);
    }
    const p = store.pullRequestByNum(repo.id, n);
    if (!p) return undefined;
    const reviews = store.reviews(p.id).map((r) => `<div class="c" id="pullrequestreview-${r.databaseId}">${who(base, r.author)} ${esc(r.state)}<pre>${esc(r.body)}</pre></div>`);
    const comments = store.issueComments(p.id).map((c) => `<div class="c" id="issuecomment-${c.databaseId}">${who(base, c.author)}<pre>${esc(c.body)}</pre></div>`);
    return page(p.title, `<h1>${esc(p.title)} #${p.number}</h1><p>${esc(p.state)} · ${who(base, p.author)}</p><pre>${esc(p.body)}</pre>${reviews.join('')}${comments.join('')}`);
  }
  const repoPath = /^\/([^/]+)\/([^/]+)$/.exec(path);
  if (repoPath) {
    const repo = store.repository(repoPath[1] ?? '', repoPath[2] ?? '');
    return repo ? page(`${repo.owner}/${repo.name}`, `<h1>${esc(repo.owner)}/${esc(repo.name)}</h1><p>${esc(repo.description ?? '')}</p>`) : undefined;
  }
  const user = /^\/([^/]+)$/.exec(path);
  if (user) {
    const u = store.account(user[1] ?? '');
    return u ? page(u.login, `<h1>${who(base, u.login)}</h1><p>${esc(u.name ?? '')}</p>`) : undefined;
  }
  return undefined;
}
