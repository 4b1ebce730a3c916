'use strict';
/*
 * browser.js - the headless Chromium the browser checks share: playwright-core from
 * $DRAWIO_CHECK_HOME (default ~/.cache/drawio-check, as tests/drawio uses) and /usr/bin/chromium.
 * Exit 3 when either is missing, so the Python tests can skip saying why.
 */
const path = require('path');
const os = require('os');
const fs = require('fs');

const HOME = process.env.DRAWIO_CHECK_HOME || path.join(os.homedir(), '.cache/drawio-check');
const CHROMIUM = process.env.DRAWIO_CHECK_CHROMIUM || '/usr/bin/chromium';

async function launch() {
  let playwright;
  try {
    playwright = require(path.join(HOME, 'node_modules', 'playwright-core'));
  } catch (e) {
    process.stderr.write(`playwright-core is not installed under ${HOME}\n`);
    process.exit(3);
  }
  if (!fs.existsSync(CHROMIUM)) {
    process.stderr.write(`no Chromium at ${CHROMIUM}\n`);
    process.exit(3);
  }
  return playwright.chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

module.exports = { launch };
