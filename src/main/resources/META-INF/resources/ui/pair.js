import { el, percent, table, usd, json } from './common.js';
import { barChart } from './charts.js';
import { cards, downloads, money, viewPage, withHs } from './views.js';

async function render(form) {
  const a = form.elements.a.value, b = form.elements.b.value, year = form.elements.year.value;
  history.replaceState(null, '', withHs(`?a=${a}&b=${b}&year=${year}`));
  const pair = await json(withHs(`/data/yearly/${year}/bilateral/${a}-${b}.json`));
  const A = pair.country_a, B = pair.country_b;
  document.getElementById('title').textContent = `${A.name} and ${B.name}, ${year}`;
  cards(document.getElementById('cards'), [
    [`${A.name} to ${B.name}`, money(pair.a_to_b.value_usd), null, pair.a_to_b.value_usd],
    [`${B.name} to ${A.name}`, money(pair.b_to_a.value_usd), null, pair.b_to_a.value_usd],
    ['Total trade', money(pair.total_trade), null, pair.total_trade],
    [`Balance of ${A.name}`, money(pair.balance), null, pair.balance],
  ]);
  const dl = document.getElementById('downloads');
  dl.replaceChildren();
  const slug = `${a}-${b}`;
  downloads(dl, `${A.name}'s exports to ${B.name}`, { type: 'bilateral', slug, filter: 'exports', year });
  downloads(dl, `${A.name}'s imports from ${B.name}`, { type: 'bilateral', slug, filter: 'imports', year });
  const charts = document.getElementById('charts');
  charts.replaceChildren();
  const products = list => list.map(p => ({ label: `${p.hs} ${p.name}`, value: p.value_usd }));
  barChart(charts.appendChild(el('div')), products(pair.a_to_b.top_products),
    { caption: `What ${A.name} sells to ${B.name}` });
  barChart(charts.appendChild(el('div')), products(pair.b_to_a.top_products),
    { caption: `What ${B.name} sells to ${A.name}` });
  // the HS code links to the product between the two, with the lines that make it up
  const columns = (from, to) => [
    { label: 'HS', value: p => p.hs,
      href: p => withHs(`/data/bilateral-products/${from}-${to}-${p.hs}.json?year=${year}`) },
    { label: 'Product', value: p => p.name },
    { label: 'Value (US$)', value: p => usd(p.value_usd), numeric: true },
    { label: 'Share', value: p => percent(p.share), numeric: true },
  ];
  document.getElementById('tables').replaceChildren(el('div', { class: 'charts' },
    el('div', { class: 'table-wrap' }, table(columns(a, b), pair.a_to_b.top_products, `${A.name} to ${B.name}`)),
    el('div', { class: 'table-wrap' }, table(columns(b, a), pair.b_to_a.top_products, `${B.name} to ${A.name}`))),
    el('p', {}, 'Each country alone: ', el('a', { href: withHs(`/country.html?c=${a}&year=${year}`), text: A.name }),
      ', ', el('a', { href: withHs(`/country.html?c=${b}&year=${year}`), text: B.name }), '.'));
  return pair._meta;
}

viewPage({ a: 'united-states', b: 'china' }, render);
