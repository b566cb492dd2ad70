// What every page shares: reading the gateway's public endpoints, pacing counted requests to the guest limit,
// messages people can read, and number formatting.

const PAGES = [['/', 'Home'], ['/query.html', 'Data selection'], ['/country.html', 'Countries'],
  ['/pair.html', 'Pairs']];

/** The site's header on every page: its name and the pages, the current one marked. */
function header() {
  const box = document.querySelector('header.site');
  if (!box) return;
  box.replaceChildren(el('a', { class: 'brand', href: '/', text: 'Trade Gateway' }),
    el('nav', { 'aria-label': 'Main' }, el('ul', {}, PAGES.map(([href, text]) => el('li', {},
      el('a', { href, text, 'aria-current': location.pathname === href ? 'page' : null }))))));
}

let catalogPromise;

/** The gateway's catalog (/site/catalog.json): loaded datasets, periods and the guest limits; read once. */
export function catalog() {
  catalogPromise ??= fetch('/site/catalog.json').then(r => {
    if (!r.ok) throw new Error(`the catalog answered HTTP ${r.status}`);
    return r.json();
  });
  return catalogPromise;
}

/** A failure with a message meant for people. */
export class Refused extends Error {
  constructor(message, status, retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

let nextSlot = 0;

/**
 * A request to an endpoint that counts against the guest limit: never two within the limit's second (the
 * second waits), and a 409 or 429 turned into a message saying how long to wait.
 */
export async function counted(url, perSecond = 1) {
  const wait = nextSlot - Date.now();
  if (wait > 0) await new Promise(r => setTimeout(r, wait));
  nextSlot = Date.now() + Math.ceil(1000 / Math.max(1, perSecond));
  const response = await fetch(url);
  if (response.status === 409 || response.status === 429 || response.status === 403) {
    const text = (await response.text()).trim();
    const retry = Number(response.headers.get('Retry-After') || 0);
    throw new Refused(limitMessage(text, retry), response.status, retry);
  }
  return response;
}

function limitMessage(text, retry) {
  if (/USAGE LIMIT|quota/i.test(text)) {
    return 'The hourly limit for guests is reached: ' + text.replace(/^USAGE LIMIT:\s*/, '')
      + ' An account token raises the limit.';
  }
  return `Too many requests: guests may send one query a second. Try again in ${retry || 1} s.`;
}

/** Reads a JSON endpoint that is not counted; a failure becomes a Refused with the endpoint's own message. */
export async function json(url) {
  const response = await fetch(url);
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const message = typeof body === 'object' ? body.message || body.error : body;
    throw new Refused(message || `HTTP ${response.status}`, response.status, 0);
  }
  return body;
}

/** Shows a message in a live region: kind is "error", "info" or "" (clears it). */
export function say(region, text, kind = 'info') {
  region.textContent = text || '';
  region.className = 'message' + (text ? ' ' + kind : '');
  region.hidden = !text;
}

export function usd(v) {
  return v == null ? '' : Math.round(v).toLocaleString('en-US');
}

export function number(v) {
  return v == null ? '' : v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function percent(share) {
  return share == null ? '' : (share * 100).toLocaleString('en-US', { maximumFractionDigits: 1 }) + ' %';
}

/** An element with attributes and children (strings become text). */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== undefined && c !== null) e.append(c);
  }
  return e;
}

/** A table of rows: columns [{label, value(row), numeric?, href?(row)}]. */
export function table(columns, rows, caption) {
  const head = el('tr', {}, columns.map(c => el('th', { scope: 'col', class: c.numeric ? 'num' : null,
    text: c.label })));
  const body = rows.map(r => el('tr', {}, columns.map(c => {
    const v = c.value(r);
    const cell = el('td', { class: c.numeric ? 'num' : null });
    const href = c.href && c.href(r);
    cell.append(href ? el('a', { href, text: v }) : String(v ?? ''));
    return cell;
  })));
  return el('table', {}, caption ? el('caption', { text: caption }) : null, el('thead', {}, head),
    el('tbody', {}, body));
}

/** The query string of a page as a Map-like getter. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}

header();
