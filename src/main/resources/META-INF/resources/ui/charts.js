// Charts drawn as SVG by the page itself: a horizontal bar chart and a line chart. Each chart is a <figure>
// with a caption, an SVG with role="img" and a text alternative, and a <title> per bar or point for the pointer.

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** 1234567 -> "1.23M" (US dollars or any quantity). */
export function short(v) {
  const a = Math.abs(v);
  const [d, s] = a >= 1e12 ? [1e12, 'T'] : a >= 1e9 ? [1e9, 'B'] : a >= 1e6 ? [1e6, 'M']
    : a >= 1e3 ? [1e3, 'k'] : [1, ''];
  return (v / d).toLocaleString('en-US', { maximumFractionDigits: d === 1 ? 0 : 2 }) + s;
}

function figure(container, caption, summary) {
  container.replaceChildren();
  const fig = document.createElement('figure');
  fig.className = 'chart';
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  fig.append(cap);
  container.append(fig);
  return fig;
}

/**
 * Bars from the largest down: items [{label, value, href?}], at most `top` of them. The labels sit left of the
 * bars, the values at their ends; a label with an href is a link.
 */
export function barChart(container, items, { caption, top = 15, unit = 'US$' } = {}) {
  const shown = items.filter(i => i.value > 0).sort((a, b) => b.value - a.value).slice(0, top);
  const fig = figure(container, caption);
  if (!shown.length) {
    fig.append(Object.assign(document.createElement('p'), { textContent: 'Nothing to draw.' }));
    return fig;
  }
  const row = 22, labelW = 190, valueW = 70, width = 640, top0 = 6;
  const height = top0 + shown.length * row + 6;
  const max = shown[0].value;
  const plot = width - labelW - valueW;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'bars',
    'aria-label': `${caption}: ` + shown.slice(0, 5).map(i => `${i.label} ${short(i.value)}`).join(', ') });
  shown.forEach((item, n) => {
    const y = top0 + n * row;
    const g = svg('g', { class: 'bar' });
    const name = item.label.length > 28 ? item.label.slice(0, 27) + '…' : item.label;
    const label = svg('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end', class: 'label' }, name);
    if (item.href) {
      const a = svg('a', { href: item.href });
      a.append(label);
      g.append(a);
    } else {
      g.append(label);
    }
    const w = Math.max(1, plot * item.value / max);
    const rect = svg('rect', { x: labelW, y: y + 3, width: w.toFixed(1), height: row - 6, rx: 2 });
    rect.append(svg('title', {}, `${item.label}: ${item.value.toLocaleString('en-US')} ${unit}`));
    g.append(rect);
    g.append(svg('text', { x: labelW + w + 4, y: y + 15, class: 'value' }, short(item.value)));
    root.append(g);
  });
  fig.append(root);
  return fig;
}

/** Lines over a shared x axis: series [{name, points: [{x, y}]}], x numbers (years) or labels in order. */
export function lineChart(container, series, { caption, unit = 'US$' } = {}) {
  const fig = figure(container, caption);
  const xs = [...new Set(series.flatMap(s => s.points.map(p => p.x)))].sort();
  const ys = series.flatMap(s => s.points.map(p => p.y));
  if (!xs.length) {
    fig.append(Object.assign(document.createElement('p'), { textContent: 'Nothing to draw.' }));
    return fig;
  }
  const width = 640, height = 280, left = 70, right = 16, top = 12, bottom = 48;
  const maxY = Math.max(...ys, 0) * 1.05 || 1;
  const px = x => left + (xs.length === 1 ? (width - left - right) / 2
    : xs.indexOf(x) * (width - left - right) / (xs.length - 1));
  const py = y => top + (height - top - bottom) * (1 - y / maxY);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'lines',
    'aria-label': `${caption}: ` + series.map(s => `${s.name} from ${short(s.points[0]?.y ?? 0)} to `
      + `${short(s.points[s.points.length - 1]?.y ?? 0)}`).join('; ') });
  for (let i = 0; i <= 4; i++) {
    const v = maxY * i / 4;
    root.append(svg('line', { x1: left, x2: width - right, y1: py(v), y2: py(v), class: 'grid' }));
    root.append(svg('text', { x: left - 6, y: py(v) + 4, 'text-anchor': 'end', class: 'axis' }, short(v)));
  }
  const step = Math.ceil(xs.length / 12);
  xs.forEach((x, i) => {
    if (i % step === 0) root.append(svg('text', { x: px(x), y: height - bottom + 18, 'text-anchor': 'middle',
      class: 'axis' }, String(x)));
  });
  series.forEach((s, n) => {
    const pts = s.points.slice().sort((a, b) => xs.indexOf(a.x) - xs.indexOf(b.x));
    root.append(svg('polyline', { points: pts.map(p => `${px(p.x)},${py(p.y)}`).join(' '),
      class: `series s${n}`, fill: 'none' }));
    for (const p of pts) {
      const dot = svg('circle', { cx: px(p.x), cy: py(p.y), r: 3.5, class: `s${n}` });
      dot.append(svg('title', {}, `${s.name} ${p.x}: ${p.y.toLocaleString('en-US')} ${unit}`));
      root.append(dot);
    }
    const ly = height - 14;
    const lx = left + n * 170;
    root.append(svg('rect', { x: lx, y: ly - 9, width: 12, height: 4, class: `s${n}` }));
    root.append(svg('text', { x: lx + 16, y: ly - 4, class: 'legend' }, s.name));
  });
  fig.append(root);
  return fig;
}
