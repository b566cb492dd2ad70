// What the country and pair pages share: their pickers (every country with data, every loaded year), the
// figures as cards, download links, and where the numbers come from.

import { catalog, el, json, param, say, usd } from './common.js';
import { short } from './charts.js';

/** Fills the selects named in `countries` and the year select; the page's query string picks the values. */
export async function choices(form, countries, defaults) {
  const [list, cat] = await Promise.all([json(withHs('/data/countries.json')), catalog()]);
  for (const [name, fallback] of Object.entries(countries)) {
    const select = form.elements[name];
    select.replaceChildren(...list.countries.map(c => el('option', { value: c.slug, text: c.name })));
    const wanted = (param(name) || fallback).toLowerCase();
    const found = list.countries.find(c => c.slug === wanted || c.iso3.toLowerCase() === wanted);
    select.value = found ? found.slug : list.countries[0]?.slug;
  }
  const years = cat.periods.annual || [];
  form.elements.year.replaceChildren(...years.map(y => el('option', { value: y, text: y })));
  form.elements.year.value = param('year') || defaults.year || years[0];
  return list;
}

/** The HS revision the page was asked for (?hs=H3), passed on to every view and link; none means the default. */
export const hs = param('hs');

/** A URL of the views with the page's revision added. */
export function withHs(url) {
  return hs ? url + (url.includes('?') ? '&' : '?') + 'hs=' + encodeURIComponent(hs) : url;
}

export function cards(box, items) {
  box.replaceChildren(...items.map(([label, value, note, raw]) => el('div', { class: 'card' },
    el('div', { class: 'muted', text: label }),
    el('div', { class: 'big', text: value, title: raw == null ? null : `US$ ${usd(raw)}`, 'data-value': raw }),
    note ? el('div', { class: 'muted', text: note }) : null)));
}

/** US$ 1.23B, with the whole number for the pointer and screen readers in the card's note. */
export function money(v) {
  return `US$ ${short(v)}`;
}

/** Links to /api/download of a view in each format. */
export function downloads(box, label, params) {
  const links = ['csv', 'json', 'xlsx'].map(format => {
    const q = new URLSearchParams({ ...params, format });
    return el('a', { href: withHs(`/api/download?${q}`), download: '', class: `download-${format}`,
      text: format.toUpperCase() });
  });
  box.append(el('span', {}, `${label}: `, ...links), ' ');
}

export function meta(box, m) {
  box.textContent = `Source: ${m.source}, dataset ${m.dataset} (${m.dataset_version}), ${m.hs_revision}, `
    + `${m.year ?? ''}. Licence: ${m.licence}. Caveats: `;
  box.append(el('a', { href: m.caveats_url, text: m.caveats_url }));
}

/**
 * A page of views: below the form, a message region and the view (cards, downloads, charts, tables, source);
 * `render(form, countries)` fills them and returns the view's _meta. The form's selects are filled first
 * (`countries` names them with their fallbacks); each Show renders again.
 */
export function viewPage(countries, render) {
  const form = document.getElementById('choose');
  const message = el('div', { id: 'message', class: 'message', role: 'alert', hidden: true });
  const view = el('section', { id: 'view', hidden: true },
    ['cards', 'downloads', 'charts', 'tables', 'meta'].map(id => el(id === 'cards' || id === 'charts'
      || id === 'tables' ? 'div' : 'p', { id, class: { cards: 'cards', charts: 'charts', downloads: 'downloads',
      meta: 'muted' }[id] })));
  form.after(message, view);
  let list;
  async function show() {
    say(message, 'Loading…');
    try {
      meta(document.getElementById('meta'), await render(form, list));
      view.hidden = false;
      say(message, '');
      performance.mark('tg-ready');
    } catch (e) {
      view.hidden = true;
      say(message, `This view could not be shown: ${e.message}`, 'error');
    }
  }
  form.addEventListener('submit', e => { e.preventDefault(); show(); });
  choices(form, countries, {}).then(l => { list = l; return show(); })
    .catch(e => say(message, 'The page could not start: ' + e.message, 'error'));
}
