// Builds dist/reframe-widget.js: one file a site includes with one script tag.
// It holds socket.io-client (from node_modules, kept private to the widget: no global `io` is
// created or overwritten), the widget's CSS and its code. Nothing is fetched at run time.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const ioDir = join(here, "node_modules", "socket.io-client");
const ioPath = join(ioDir, "dist", "socket.io.min.js");
const ioVersion = JSON.parse(readFileSync(join(ioDir, "package.json"), "utf8")).version;
if (!ioVersion.startsWith("4.")) throw new Error(`socket.io-client 4.x expected, found ${ioVersion}`);

const ioSource = readFileSync(ioPath, "utf8").replace(/\/\/# sourceMappingURL=.*$/m, "");
const css = readFileSync(join(here, "src", "widget.css"), "utf8");
const widget = readFileSync(join(here, "src", "widget.js"), "utf8");

const out = `/*! Reframe chat widget. Includes socket.io-client ${ioVersion} (MIT). */
(function () {
var ReframeIO = (function () {
  var module = { exports: {} }, exports = module.exports, define;
${ioSource}
  return module.exports;
})();
var REFRAME_CSS = ${JSON.stringify(css)};
${widget}
})();
`;
mkdirSync(join(here, "dist"), { recursive: true });
writeFileSync(join(here, "dist", "reframe-widget.js"), out);
console.log(`web/dist/reframe-widget.js: ${(out.length / 1024).toFixed(1)} KB (socket.io-client ${ioVersion})`);
