#!/usr/bin/env node
'use strict';
// serve_redraw.js URL REL FILE NEWTEXT MARK: open a flow's page, save NEWTEXT into FILE, and report how long
// the redraw took and the longest task that blocked the page meanwhile (PerformanceObserver 'longtask').
const fs = require('fs');
const path = require('path');
const { launch } = require(path.join(__dirname, '..', 'tests', 'browser', 'browser.js'));

(async () => {
  const [url, rel, file, newText, mark] = process.argv.slice(2);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}view/${encodeURI(rel)}`);
    await page.waitForSelector('.fc-diagram svg');
    await page.evaluate(() => {
      window.fcLongest = 0;

      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.fcLongest = Math.max(window.fcLongest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const started = Date.now();
    fs.writeFileSync(file, fs.readFileSync(newText, 'utf8'));
    // cheap to poll: the page counts the drawings it put in place (reading a 1 MB SVG's text would itself block)
    await page.waitForFunction(() => Number(document.body.dataset.drawn || 0) > 0, null, { timeout: 60000, polling: 50 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));  // painted
    const redraw = Date.now() - started;
    const shown = await page.$eval('.fc-diagram svg', (svg, m) => svg.textContent.includes(m), mark);
    if (!shown) throw new Error('the new drawing does not show the change');
    // the page answers input right after: a click on the zoom button is handled within this many ms
    const clickStart = Date.now();
    await page.click('button[data-zoom="in"]');
    const click = Date.now() - clickStart;
    const longest = await page.evaluate(() => window.fcLongest);
    const steps = await page.$$eval('.fc-diagram .fc-step', (s) => s.length);
    process.stdout.write(JSON.stringify({ redraw_ms: redraw, longest_task_ms: Math.round(longest), click_ms: click, steps }) + '\n');
  } finally {
    await browser.close();
  }
})().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
