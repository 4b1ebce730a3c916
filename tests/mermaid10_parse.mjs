// Parse .mmd files with Mermaid 10 in Node (jsdom stands in for the browser): `ok FILE` or `FAIL FILE: why`.
// MERMAID10_MODULES is a node_modules folder holding mermaid@10 and jsdom; exit 1 when a file fails.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const modules = process.env.MERMAID10_MODULES;
const require = createRequire(join(modules, "noop.js"));
const { JSDOM } = require("jsdom");
const dom = new JSDOM("<!DOCTYPE html><body></body>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import(pathToFileURL(join(modules, "mermaid/dist/mermaid.core.mjs")));
mermaid.initialize({ startOnLoad: false });
console.log(`mermaid ${require("mermaid/package.json").version}`);
let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, "utf8"));
    console.log(`ok ${file}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${file}: ${String(error.message || error).split("\n").slice(0, 4).join(" | ")}`);
  }
}
process.exit(failed ? 1 : 0);
