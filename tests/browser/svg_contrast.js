#!/usr/bin/env node
'use strict';
/*
 * svg_contrast.js FILE.svg --scheme light|dark [--slate] [--png OUT.png]
 *
 * Opens an SVG in headless Chromium with prefers-color-scheme emulated (with --slate: inline
 * in a page whose body has data-md-color-scheme="slate", as MkDocs Material's dark scheme sets,
 * while the system scheme stays as --scheme says) and measures, for every line of text, the WCAG
 * contrast between its computed fill and what Chromium paints behind its centre: the filled
 * shapes under that point (elementsFromPoint), blended by their fill-opacity.
 * Prints JSON {texts, worst, failures: [{text, ratio, ink, behind}]}.
 */
const fs = require('fs');
const { launch } = require('./browser');

function args(argv) {
  const o = { file: null, scheme: 'light', slate: false, png: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scheme') o.scheme = argv[++i];
    else if (argv[i] === '--slate') o.slate = true;
    else if (argv[i] === '--png') o.png = argv[++i];
    else o.file = argv[i];
  }
  if (!o.file) { process.stderr.write('usage: svg_contrast.js FILE.svg --scheme light|dark [--slate] [--png OUT]\n'); process.exit(2); }
  return o;
}

function measure() {
  const rgb = (css) => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const v = m[1].split(',').map(Number);
    return { r: v[0], g: v[1], b: v[2], a: v.length > 3 ? v[3] : 1 };
  };
  const lum = (c) => {
    const ch = [c.r, c.g, c.b].map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const hex = (c) => '#' + [c.r, c.g, c.b].map((x) => Math.round(x).toString(16).padStart(2, '0')).join('');
  const page = rgb(getComputedStyle(document.body).backgroundColor);
  const base = page && page.a > 0 ? page : { r: 255, g: 255, b: 255, a: 1 };
  const out = { texts: 0, worst: 99, failures: [] };
  const lines = [];
  for (const text of document.querySelectorAll('svg text')) {
    const spans = text.querySelectorAll('tspan');
    for (const el of spans.length ? spans : [text]) if (el.textContent.trim()) lines.push([text, el]);
  }
  for (const [text, el] of lines) {
    const box = el.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const under = document.elementsFromPoint(x, y).filter((e) => e instanceof SVGGeometryElement && !(e instanceof SVGTextContentElement));
    const layers = [];
    for (const e of under) {
      const s = getComputedStyle(e);
      const fill = rgb(s.fill);
      if (!fill) continue;
      const alpha = Number(s.fillOpacity) * fill.a * Number(s.opacity);
      layers.push({ ...fill, a: alpha });
      if (alpha >= 1) break;
    }
    let behind = base;
    for (const l of layers.reverse()) {
      behind = { r: l.r * l.a + behind.r * (1 - l.a), g: l.g * l.a + behind.g * (1 - l.a), b: l.b * l.a + behind.b * (1 - l.a), a: 1 };
    }
    const ink = rgb(getComputedStyle(text).fill);
    const r = ratio(ink, behind);
    out.texts += 1;
    out.worst = Math.min(out.worst, Math.round(r * 100) / 100);
    if (r < 4.5) out.failures.push({ text: el.textContent.trim(), ratio: Math.round(r * 100) / 100, ink: hex(ink), behind: hex(behind) });
  }
  return out;
}

(async () => {
  const o = args(process.argv.slice(2));
  const svg = fs.readFileSync(o.file, 'utf8').replace(/^<\?xml[^>]*\?>\s*/, '');
  const browser = await launch();
  try {
    const page = await browser.newPage({ colorScheme: o.scheme, viewport: { width: 1400, height: 1000 } });
    const body = o.slate ? '<body data-md-color-scheme="slate" style="margin:0;background:#1e2129">' : '<body style="margin:0">';
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head>${body}${svg}</body></html>`);
    // the whole drawing on screen: elementsFromPoint sees only what lies inside the viewport
    const size = await page.evaluate(() => { const r = document.querySelector('svg').getBoundingClientRect(); return [r.right, r.bottom]; });
    await page.setViewportSize({ width: Math.max(1400, Math.ceil(size[0]) + 1), height: Math.max(1000, Math.ceil(size[1]) + 1) });
    const result = await page.evaluate(measure);
    if (o.png) await page.screenshot({ path: o.png, fullPage: true });
    process.stdout.write(JSON.stringify(result) + '\n');
  } finally {
    await browser.close();
  }
})().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
