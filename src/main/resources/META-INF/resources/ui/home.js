import { catalog, el, say, table } from './common.js';

const box = document.getElementById('datasets');
try {
  const c = await catalog();
  box.replaceChildren(c.datasets.length ? table([
    { label: 'Dataset', value: d => d.name },
    { label: 'Source', value: d => d.source + (d.version ? ` (${d.version})` : '') },
    { label: 'Goods or services', value: d => d.type },
    { label: 'Frequency', value: d => d.frequency },
    { label: 'Years', value: d => d.yearRange },
    { label: 'Classification', value: d => d.revisions.join(', ') },
    { label: 'Reporters', value: d => d.reporters.toLocaleString('en-US'), numeric: true },
    { label: 'Records', value: d => d.records.toLocaleString('en-US'), numeric: true },
    { label: 'Licence', value: d => d.licence || 'as its source\'s terms' },
  ], c.datasets, `${c.datasets.length} datasets loaded`) : el('p', { text: 'Nothing is loaded yet.' }));
  const latest = c.periods.annual?.[0];
  if (latest) {
    for (const id of ['try-legacy']) {
      const a = document.getElementById(id);
      a.href = a.href.replace('ps=now', 'ps=' + latest);
      a.textContent = a.getAttribute('href');
    }
  }
  const g = c.guestLimits;
  document.getElementById('limits').textContent = g.enabled
    ? `A guest (no token) may send ${g.perSecond} counted request a second and ${g.perWindow} per hour, and ask `
      + `for up to ${g.maxRecords.toLocaleString('en-US')} records at once. The reference lists, the World Trade `
      + 'Flows views and this page\'s catalog are not counted. An account token lifts these limits to its own.'
    : 'Limits are off on this gateway.';
} catch (e) {
  box.textContent = '';
  say(document.getElementById('message'), 'The catalog could not be read: ' + e.message, 'error');
} finally {
  box.removeAttribute('aria-busy');
  performance.mark('tg-ready');
}
