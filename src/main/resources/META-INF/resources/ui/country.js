import { el, json, percent, table, usd } from './common.js';
import { barChart, lineChart } from './charts.js';
import { cards, downloads, money, viewPage, withHs } from './views.js';

function partnerRows(list, slug, year) {
  return list.map(p => ({ label: p.name, value: p.value_usd,
    href: withHs(`/pair.html?a=${slug}&b=${p.slug}&year=${year}`) }));
}

async function render(form, countries) {
  const slug = form.elements.c.value, year = form.elements.year.value;
  history.replaceState(null, '', withHs(`?c=${slug}&year=${year}`));
  const [profile, history_] = await Promise.all([json(withHs(`/data/yearly/${year}/countries/${slug}.json`)),
    json(withHs(`/data/historical/${slug}.json`))]);
  const s = profile.summary, c = profile.country;
  const code = countries.countries.find(x => x.slug === slug)?.baci_code;
  document.getElementById('title').textContent = `${c.name}, ${year}`;
  cards(document.getElementById('cards'), [
    ['Exports', money(s.total_exports_usd), `rank ${s.export_rank}`, s.total_exports_usd],
    ['Imports', money(s.total_imports_usd), `rank ${s.import_rank}`, s.total_imports_usd],
    ['Balance', money(s.balance_usd), null, s.balance_usd],
    ['Partners', String(s.partner_count)],
    ['Products (HS chapters)', String(s.product_count)],
  ]);
  const dl = document.getElementById('downloads');
  dl.replaceChildren();
  downloads(dl, 'Export partners', { type: 'country', slug, filter: 'exports', year });
  downloads(dl, 'Import partners', { type: 'country', slug, filter: 'imports', year });
  const charts = document.getElementById('charts');
  charts.replaceChildren();
  barChart(charts.appendChild(el('div')), partnerRows(profile.top_export_destinations, slug, year),
    { caption: `Top export destinations, ${year}` });
  barChart(charts.appendChild(el('div')), partnerRows(profile.top_import_sources, slug, year),
    { caption: `Top import sources, ${year}` });
  barChart(charts.appendChild(el('div')), profile.top_export_products.map(p => ({ label: `${p.hs} ${p.name}`,
    value: p.value_usd })), { caption: `Top exported products (HS chapters), ${year}` });
  lineChart(charts.appendChild(el('div')), [
    { name: 'Exports', points: history_.years.map((y, i) => ({ x: y, y: history_.exports[i] })) },
    { name: 'Imports', points: history_.years.map((y, i) => ({ x: y, y: history_.imports[i] })) },
  ], { caption: `${c.name}: exports and imports over the loaded years` });
  const partnerColumns = [
    { label: 'Partner', value: p => p.name, href: p => withHs(`/pair.html?a=${slug}&b=${p.slug}&year=${year}`) },
    { label: 'Value (US$)', value: p => usd(p.value_usd), numeric: true },
    { label: 'Share', value: p => percent(p.share), numeric: true },
  ];
  document.getElementById('tables').replaceChildren(
    el('h2', { text: 'Top partners' }),
    el('div', { class: 'charts' },
      el('div', { class: 'table-wrap' }, table(partnerColumns, profile.top_export_destinations, 'Exports to')),
      el('div', { class: 'table-wrap' }, table(partnerColumns, profile.top_import_sources, 'Imports from'))),
    code ? el('p', {}, el('a', { href: `/query.html?r=${code}&p=all&ps=${year}&rg=1,2&cc=TOTAL&run`,
      text: `${c.name} in the data selection (every partner, ${year})` })) : '');
  return profile._meta;
}

viewPage({ c: 'united-states' }, render);
