#!/usr/bin/env node
'use strict';
/*
 * serve_drive.js SCENARIO.json - drives a running `flowchart serve` in headless Chromium as a
 * person would: opens the list and a flow's page, zooms and scrolls, then edits the flow file
 * on disk (a good save, a save with errors, a fix, ten saves in a second) and reads what the
 * page shows after each; clicks a step; flips the switches. Prints one JSON object of what it saw.
 *
 * SCENARIO: {url, rel, file, shots, saves: {edited, broken, fixed, rapid: [...10]},
 *            marks: {edited, fixed, rapid_last}, step}
 */
const fs = require('fs');
const path = require('path');
const { launch } = require('./browser');

const WAIT_MS = 15000;

async function main() {
  const s = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const out = {};
  const browser = await launch();
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const outside = [];
    page.on('request', (r) => { if (!r.url().startsWith(s.url)) outside.push(r.url()); });

    await page.goto(s.url);
    out.index = await page.$$eval('.fc-flows a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    await page.click(`.fc-flows a:text-is("${s.rel}")`);
    await page.waitForSelector('.fc-diagram svg .fc-step');
    out.title = await page.title();
    await page.evaluate(() => { window.fcMarker = 'same page'; });

    // zoom in twice and scroll the drawing
    await page.click('button[data-zoom="in"]');
    await page.click('button[data-zoom="in"]');
    await page.$eval('.fc-canvas', (c) => { c.scrollLeft = 120; c.scrollTop = 90; });
    const before = await view(page);
    out.zoom_before = before;

    const changed = async (mark) => page.waitForFunction(
      (m) => (document.querySelector('.fc-diagram svg') || {}).textContent.includes(m), mark, { timeout: WAIT_MS });

    // 1. a good save
    let t = Date.now();
    fs.writeFileSync(s.file, s.saves.edited);
    await changed(s.marks.edited);
    out.edited_ms = Date.now() - t;
    out.after_edit = await view(page);
    out.same_page = await page.evaluate(() => window.fcMarker);

    // 2. a save with errors
    t = Date.now();
    fs.writeFileSync(s.file, s.saves.broken);
    await page.waitForSelector('.fc-diagnostics .fc-diagnostic', { timeout: WAIT_MS });
    out.broken_ms = Date.now() - t;
    out.problems = await page.$$eval('.fc-diagnostics .fc-diagnostic', (items) => items.map((i) => ({
      code: i.querySelector('.fc-code').textContent,
      pos: i.querySelector('.fc-pos').textContent,
      message: i.querySelector('.fc-message').textContent,
      source: i.querySelector('.fc-source').textContent,
    })));
    out.kept_while_broken = await page.$eval('.fc-diagram svg', (svg, m) => svg.textContent.includes(m), s.marks.edited);
    await page.screenshot({ path: path.join(s.shots, 'serve-broken.png') });

    // 3. the fix
    t = Date.now();
    fs.writeFileSync(s.file, s.saves.fixed);
    await changed(s.marks.fixed);
    await page.waitForFunction(() => document.querySelectorAll('.fc-diagnostics .fc-diagnostic').length === 0, null, { timeout: WAIT_MS });
    out.fixed_ms = Date.now() - t;
    out.after_fix = await view(page);
    out.same_page_after_fix = await page.evaluate(() => window.fcMarker);

    // 4. a click on a step
    await page.click(`.fc-diagram [data-step="${s.step}"]`);
    out.where = await page.$eval('.fc-where', (e) => e.textContent);

    // 5. ten saves in a second
    for (const text of s.saves.rapid) {
      fs.writeFileSync(s.file, text);
      await new Promise((r) => setTimeout(r, 100));
    }
    await changed(s.marks.rapid_last);
    await new Promise((r) => setTimeout(r, 2500));
    out.rapid_final = await page.$eval('.fc-diagram svg', (svg, marks) => marks.filter((m) => svg.textContent.includes(m)), s.marks.rapid_all);

    // 6. the switches
    await page.check('input[type=checkbox][name=numbers]');
    await page.waitForSelector('.fc-diagram svg .fc-number', { timeout: WAIT_MS });
    await page.selectOption('select[name=theme]', 'dark');
    await page.waitForFunction(() => {
      const svg = document.querySelector('.fc-diagram svg');
      return svg && !svg.classList.contains('fc-auto') && svg.querySelector('rect').getAttribute('fill') === '#15191e';
    }, null, { timeout: WAIT_MS });
    out.search = await page.evaluate(() => location.search);
    out.handout_href = await page.$eval('.fc-handout', (a) => a.getAttribute('href'));
    await page.screenshot({ path: path.join(s.shots, 'serve-page.png') });
    out.same_page_at_end = await page.evaluate(() => window.fcMarker);

    // the handout preview opens from its link
    const handout = await browser.newPage();
    const response = await handout.goto(new URL(out.handout_href, s.url).toString());
    out.handout_status = response.status();
    out.handout_h1 = await handout.$eval('h1', (h) => h.textContent.trim());
    out.outside_requests = outside;
    out.errors = errors;
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

async function view(page) {
  return page.evaluate(() => {
    const c = document.querySelector('.fc-canvas');
    const svg = document.querySelector('.fc-diagram svg');
    return { level: document.querySelector('.fc-zoom-level').textContent, width: svg.style.width,
      left: c.scrollLeft, top: c.scrollTop };
  });
}

main().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
