import { catalog, counted, el, json, say, table, usd, number, Refused } from './common.js';
import { Picker } from './picker.js';
import { barChart, lineChart } from './charts.js';

const form = document.getElementById('query');
const message = document.getElementById('message');
const runButton = document.getElementById('run');
const PAGE = 25;
const FLOW_PLUS = { 1: 'M', 2: 'X', 3: 'RX', 4: 'RM' };
const LEVELS = ['TOTAL', 'AG2', 'AG4', 'AG6', 'ALL'];

const pickers = {};
for (const root of form.querySelectorAll('.picker')) {
  pickers[root.dataset.name] = new Picker(root, { max: Number(root.dataset.max),
    exclusive: root.dataset.name === 'cc' ? ['all'] : ['all', 'now', 'recent'] });
}
let cat;
let records = [];
let page = 0;
let loadedClassification;

function specials(ids) {
  return ids.map(id => ({ id, text: id }));
}

function periodOptions() {
  const monthly = form.freq.value === 'M';
  const loaded = (monthly ? cat.periods.monthly : cat.periods.annual) || [];
  const options = specials(['now', 'recent', 'all']);
  if (monthly) {
    const years = [...new Set(loaded.map(p => Math.floor(p / 100)))];
    years.forEach(y => options.push({ id: String(y), text: `${y} (its 12 months)` }));
    loaded.forEach(p => options.push({ id: String(p), text: `${String(p).slice(0, 4)}-${String(p).slice(4)}` }));
  } else {
    loaded.forEach(p => options.push({ id: String(p), text: String(p) }));
  }
  pickers.ps.setOptions(options);
}

async function loadCommodities() {
  const px = form.px.value;
  if (loadedClassification === px) return;
  loadedClassification = px;
  pickers.cc.setOptions(specials(LEVELS));
  try {
    const list = await json(`/Data/cache/classification${px}.json`);
    pickers.cc.setOptions(list.results.map(r => ({ id: r.id, text: r.text })));
  } catch (e) {
    pickers.cc.note('The commodity list could not be read: ' + e.message);
  }
}

/** The legacy query of the form, as ordered parameters. */
function legacyParams(overrides = {}) {
  const rg = [...form.querySelectorAll('input[name="rg"]:checked')].map(c => c.value);
  const p = new URLSearchParams();
  p.set('max', form.max.value);
  p.set('type', 'C');
  p.set('freq', form.freq.value);
  p.set('px', form.px.value);
  p.set('ps', pickers.ps.value() || 'now');
  p.set('r', pickers.r.value() || '0');
  p.set('p', pickers.p.value() || 'all');
  p.set('rg', rg.length ? rg.join(',') : 'all');
  p.set('cc', pickers.cc.value() || 'TOTAL');
  for (const [k, v] of Object.entries(overrides)) p.set(k, v);
  return p;
}

/** The periods of a legacy ps value, as the loaded periods say (for the other APIs, which take periods only). */
function periods(ps, freq) {
  const loaded = (freq === 'M' ? cat.periods.monthly : cat.periods.annual) || [];
  const words = ps.toLowerCase();
  if (words === 'now') return loaded.slice(0, 1);
  if (words === 'recent') return loaded.slice(0, 5);
  if (words === 'all') return loaded.slice();
  const out = [];
  for (const item of ps.split(',')) {
    if (freq === 'M' && item.length === 4) out.push(...loaded.filter(m => String(m).startsWith(item)).reverse());
    else out.push(Number(item));
  }
  return out;
}

function plusCall(q) {
  const p = new URLSearchParams();
  const r = q.get('r'), partner = q.get('p'), rg = q.get('rg'), cc = q.get('cc');
  if (r !== 'all') p.set('reporterCode', r);
  p.set('period', periods(q.get('ps'), q.get('freq')).join(','));
  if (partner !== 'all') p.set('partnerCode', partner);
  p.set('cmdCode', cc.toUpperCase() === 'ALL' ? 'TOTAL,AG2,AG4,AG6' : cc);
  if (rg !== 'all') p.set('flowCode', rg.split(',').map(f => FLOW_PLUS[f]).join(','));
  p.set('includeDesc', 'true');
  return `/public/v1/preview/C/${q.get('freq')}/${q.get('px')}?${p}`.replaceAll('%2C', ',');
}

/** The Census API's calls for this query, or the reason there are none. */
function censusCalls(q) {
  const reporter = cat.census.reporter;
  const months = cat.census.months || [];
  if (q.get('r') !== String(reporter)) return { why: `it answers for reporter ${reporter} only` };
  if (!months.length) return { why: 'no monthly data of its reporter is loaded' };
  const partner = q.get('p');
  if (partner !== 'all' && partner !== '0') return { why: 'it names partners by its own Schedule C codes' };
  const flows = q.get('rg') === 'all' ? ['1', '2'] : q.get('rg').split(',').filter(f => f === '1' || f === '2');
  if (!flows.length) return { why: 'it has exports and imports only' };
  const cc = q.get('cc').toUpperCase().split(',');
  if (cc.includes('ALL')) return { why: 'it takes one commodity level at a time' };
  const wanted = periods(q.get('ps'), q.get('freq'));
  let time, annual = q.get('freq') === 'A';
  if (annual) {
    if (wanted.length !== 1) return { why: 'it gives a year to date one year at a time' };
    if (!months.includes(wanted[0] * 100 + 12)) {
      return { why: `it is monthly, and December ${wanted[0]} of reporter ${reporter} is not loaded` };
    }
    time = `${wanted[0]}-12`;
  } else {
    const inside = wanted.filter(m => months.includes(m)).sort();
    if (!inside.length) return { why: 'those months are not loaded for its reporter' };
    const f = m => `${String(m).slice(0, 4)}-${String(m).slice(4)}`;
    time = inside.length === 1 ? f(inside[0]) : `from ${f(inside[0])} to ${f(inside[inside.length - 1])}`;
  }
  return { calls: flows.map(flow => {
    const exports = flow === '2';
    const value = (exports ? 'ALL_VAL_' : 'GEN_VAL_') + (annual ? 'YR' : 'MO');
    const commodity = exports ? 'E_COMMODITY' : 'I_COMMODITY';
    const p = new URLSearchParams();
    const get = ['CTY_CODE', 'CTY_NAME'];
    const level = cc.find(c => /^AG[246]$/.test(c));
    const codes = cc.filter(c => c !== 'TOTAL' && !/^AG\d$/.test(c));
    if (level || codes.length) get.push(commodity);
    get.push(value);
    p.set('get', get.join(','));
    if (partner === '0') p.append('CTY_CODE', '-');
    if (level) p.set('COMM_LVL', 'HS' + level.slice(2));
    codes.forEach(c => p.append(commodity, c));
    p.set('time', time);
    return { label: exports ? 'Census, exports' : 'Census, imports',
      url: `/data/timeseries/intltrade/${exports ? 'exports' : 'imports'}/hs?${p}`.replaceAll('%2C', ',') };
  }) };
}

function callItem(label, url, note) {
  const absolute = new URL(url, location.href).href;
  const copy = el('button', { type: 'button', class: 'secondary', text: 'Copy',
    'aria-label': `Copy the ${label} call`, onclick: async e => {
      try {
        await navigator.clipboard.writeText(absolute);
        e.target.textContent = 'Copied';
      } catch {
        e.target.textContent = 'Select the link to copy it';
      }
    } });
  return el('li', {}, el('span', { class: 'dialect', text: label }),
    el('a', { href: url, class: 'call', 'data-dialect': label, text: absolute }), copy,
    note ? el('span', { class: 'muted', text: note }) : null);
}

function showCalls(q) {
  const list = document.getElementById('calls');
  const legacy = `/api/get?${q}`.replaceAll('%2C', ',');
  const items = [callItem('Legacy /api/get', legacy)];
  const plus = plusCall(q);
  items.push(callItem('Comtrade+ v1', plus, 'the preview (no key, at most 500 records); /data/v1/get/… with a key'));
  const census = censusCalls(q);
  if (census.calls) census.calls.forEach(c => items.push(callItem(c.label, c.url)));
  else items.push(el('li', {}, el('span', { class: 'dialect', text: 'Census' }),
    el('span', { class: 'muted', text: `not for this selection: ${census.why}.` })));
  list.replaceChildren(...items);
  const cap = cat.guestLimits.maxRecords;
  const file = new URLSearchParams(q);
  file.set('max', String(cap));
  file.set('fmt', 'csv');
  document.getElementById('csv').href = `/api/get?${file}`;
  file.set('fmt', 'xlsx');
  document.getElementById('xlsx').href = `/api/get?${file}`;
}

const COLUMNS = [
  { label: 'Period', value: r => r.periodDesc },
  { label: 'Reporter', value: r => r.rtTitle },
  { label: 'Partner', value: r => r.ptTitle },
  { label: 'Flow', value: r => r.rgDesc },
  { label: 'Code', value: r => r.cmdCode },
  { label: 'Commodity', value: r => r.cmdDescE },
  { label: 'Trade value (US$)', value: r => usd(r.TradeValue), numeric: true },
  { label: 'Net weight (kg)', value: r => number(r.NetWeight), numeric: true },
];

function showPage() {
  const pages = Math.max(1, Math.ceil(records.length / PAGE));
  page = Math.min(Math.max(0, page), pages - 1);
  const from = page * PAGE;
  const rows = records.slice(from, from + PAGE);
  document.getElementById('table').replaceChildren(table(COLUMNS, rows,
    records.length ? `Rows ${from + 1}–${from + rows.length} of ${records.length.toLocaleString('en-US')}` : ''));
  const pager = document.getElementById('pager');
  pager.replaceChildren(
    el('button', { type: 'button', class: 'secondary', text: 'Previous page', disabled: page === 0,
      onclick: () => { page--; showPage(); } }),
    el('span', { text: `Page ${page + 1} of ${pages}` }),
    el('button', { type: 'button', class: 'secondary', text: 'Next page', disabled: page >= pages - 1,
      onclick: () => { page++; showPage(); } }));
}

function groupBy(rows, key) {
  const groups = new Map();
  for (const r of rows) {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  return groups;
}

function largest(groups, distinct) {
  let best = [];
  for (const g of groups.values()) if (new Set(g.map(distinct)).size > new Set(best.map(distinct)).size) best = g;
  return best;
}

/** Charts of what the answer holds: partners, products and periods, each where it has more than one. */
function drawCharts() {
  const box = document.getElementById('charts');
  box.replaceChildren();
  const partners = largest(groupBy(records.filter(r => r.ptCode !== 0),
    r => `${r.rtCode}|${r.period}|${r.rgCode}|${r.cmdCode}`), r => r.ptCode);
  if (new Set(partners.map(r => r.ptCode)).size > 1) {
    const f = partners[0];
    barChart(box.appendChild(el('div')), partners.map(r => ({ label: r.ptTitle, value: r.TradeValue })),
      { caption: `Top partners: ${f.rtTitle}, ${f.rgDesc.toLowerCase()}, ${f.periodDesc}, ${f.cmdCode}` });
  }
  const products = largest(groupBy(records.filter(r => r.cmdCode !== 'TOTAL'),
    r => `${r.rtCode}|${r.ptCode}|${r.period}|${r.rgCode}|${r.aggrLevel}`), r => r.cmdCode);
  if (new Set(products.map(r => r.cmdCode)).size > 1) {
    const f = products[0];
    barChart(box.appendChild(el('div')),
      products.map(r => ({ label: `${r.cmdCode} ${r.cmdDescE}`, value: r.TradeValue })),
      { caption: `Products: ${f.rtTitle} ${f.rgDesc.toLowerCase()} to ${f.ptTitle}, ${f.periodDesc}` });
  }
  const series = largest(groupBy(records, r => `${r.rtCode}|${r.ptCode}|${r.cmdCode}`), r => r.period);
  if (new Set(series.map(r => r.period)).size > 1) {
    const f = series[0];
    const byFlow = groupBy(series, r => r.rgDesc);
    lineChart(box.appendChild(el('div')), [...byFlow].slice(0, 3).map(([flow, rows]) => ({ name: flow,
      points: rows.map(r => ({ x: r.periodDesc, y: r.TradeValue })) })),
      { caption: `${f.rtTitle} with ${f.ptTitle} over time, ${f.cmdCode}` });
  }
}

let busy = false;

async function run(q = legacyParams()) {
  if (busy) return;
  busy = true;
  runButton.disabled = true;
  say(message, 'Running the query…', 'info');
  history.replaceState(null, '', `?${q}`);
  try {
    const response = await counted(`/api/get?${q}&fmt=json`, cat.guestLimits.perSecond);
    if (!response.ok) throw new Refused(`The gateway answered HTTP ${response.status}: ${await response.text()}`);
    const answer = await response.json();
    const v = answer.validation;
    if (v.status.value !== 0) {
      document.getElementById('results').hidden = true;
      say(message, `${v.status.name} (${v.status.value}): ${v.message}`, 'error');
      return;
    }
    records = answer.dataset;
    page = 0;
    const total = v.count.value;
    document.getElementById('count').textContent = total === 0
      ? 'No data matches this query.'
      : `${total.toLocaleString('en-US')} records match` + (records.length < total
        ? `; the first ${records.length.toLocaleString('en-US')} are shown (download the file for all of them).`
        : '.');
    say(message, '');
    document.getElementById('results').hidden = false;
    showCalls(q);
    drawCharts();
    showPage();
  } catch (e) {
    say(message, e instanceof Refused ? e.message : 'The query failed: ' + e.message, 'error');
  } finally {
    busy = false;
    setTimeout(() => { runButton.disabled = false; }, 1000 / Math.max(1, cat.guestLimits.perSecond));
  }
}

function latestYear() {
  return String(cat.periods.annual?.[0] ?? 'now');
}

function single(picker, fallback) {
  const v = picker.value();
  return v && !v.includes(',') && !['all', 'now', 'recent'].includes(v.toLowerCase()) ? v : fallback;
}

const PRESETS = {
  partners: () => ({ p: 'all', cc: 'TOTAL', rg: '2', ps: single(pickers.ps, latestYear()) }),
  years: () => ({ p: '0', cc: 'TOTAL', rg: '1,2', ps: 'all' }),
  products: () => ({ p: '0', cc: 'AG2', rg: '2', ps: single(pickers.ps, latestYear()) }),
};

function fill(q) {
  if (q.get('freq')) form.freq.value = q.get('freq');
  if (q.get('px') && [...form.px.options].some(o => o.value === q.get('px'))) form.px.value = q.get('px');
  if (q.get('max')) form.max.value = q.get('max');
  periodOptions();
  for (const name of ['r', 'p', 'ps', 'cc']) if (q.get(name)) pickers[name].set(q.get(name).split(','));
  if (q.get('rg')) {
    const flows = q.get('rg').toLowerCase() === 'all' ? [] : q.get('rg').split(',');
    form.querySelectorAll('input[name="rg"]').forEach(c => { c.checked = flows.includes(c.value); });
  }
}

async function start() {
  const lists = Promise.all([json('/Data/cache/reporterAreas.json'), json('/Data/cache/partnerAreas.json')]);
  cat = await catalog();
  for (const px of cat.revisions) form.px.append(el('option', { value: px, text: px }));
  if (!(cat.periods.monthly || []).length) form.freq.querySelector('option[value="M"]').disabled = true;
  if (cat.guestLimits.enabled) {
    [...form.max.options].forEach(o => { o.disabled = Number(o.value) > cat.guestLimits.maxRecords; });
  }
  const [reporters, partners] = await lists;
  pickers.r.setOptions(reporters.results);
  pickers.p.setOptions(partners.results);
  pickers.cc.setOptions(specials(LEVELS));
  periodOptions();
  form.freq.addEventListener('change', () => { periodOptions(); pickers.ps.set([]); });
  form.px.addEventListener('change', () => { loadedClassification = null; });
  pickers.cc.input.addEventListener('focus', loadCommodities);
  form.addEventListener('submit', e => { e.preventDefault(); run(); });
  for (const b of form.querySelectorAll('[data-preset]')) {
    b.addEventListener('click', () => {
      const q = legacyParams(PRESETS[b.dataset.preset]());
      if (q.get('r') === 'all' || q.get('r').includes(',')) q.set('r', single(pickers.r, '842'));
      fill(q);
      run(q);
    });
  }
  const asked = new URLSearchParams(location.search);
  if (asked.has('r') || asked.has('ps')) {
    fill(asked);
    if (asked.has('run')) run(legacyParams());
  } else {
    fill(new URLSearchParams({ r: reporters.results.some(r => r.id === '842') ? '842' : reporters.results[1].id,
      p: 'all', ps: latestYear(), rg: '2', cc: 'TOTAL' }));
  }
  form.dataset.ready = 'true';
  performance.mark('tg-ready');
}

start().catch(e => say(message, 'The page could not start: ' + e.message, 'error'));
