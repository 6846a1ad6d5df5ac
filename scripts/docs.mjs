// Turns README.md and docs/*.md into the static pages scripts/serve.sh serves under /docs/
// (www/docs/, not committed): Markdown by `marked`, links between the files rewritten to the
// pages, the page's strict CSP, and the <certscope-view> element registered so that the live
// examples written into the Markdown render. Run by scripts/build.sh after the page is built.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Marked } from 'marked';

const root = new URL('../', import.meta.url);
const out = new URL('www/docs/', root);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const pages = [['README.md', 'index.html'], ...readdirSync(new URL('docs/', root))
  .filter((f) => f.endsWith('.md')).sort().map((f) => [`docs/${f}`, f.replace(/\.md$/, '.html')])];

/** A link between the Markdown files, as a link between the pages. */
function rewrite(href, from) {
  if (/^[a-z]+:|^#/.test(href)) return href;
  const [path, hash] = href.split('#');
  const resolved = new URL(path, new URL(from, root)).pathname.slice(root.pathname.length);
  const page = pages.find(([md]) => md === resolved)?.[1];
  if (page) return page + (hash ? `#${hash}` : '');
  if (resolved.startsWith('docs/')) return resolved.slice(5) + (hash ? `#${hash}` : '');
  return href;
}

/** GitHub's anchor for a heading, so that links to headings work on the pages too. */
const slug = (heading) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

for (const [md, html] of pages) {
  const text = readFileSync(new URL(md, root), 'utf8');
  const title = /^# (.+)$/m.exec(text)?.[1] ?? 'certscope';
  const body = new Marked({
    gfm: true,
    renderer: {
      heading({ tokens, depth, text }) {
        return `<h${depth} id="${escape(slug(text))}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
    walkTokens(token) {
      if ((token.type === 'link' || token.type === 'image') && token.href) token.href = rewrite(token.href, md);
    },
  }).parse(text);
  writeFileSync(new URL(html, out), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'">
  <meta name="referrer" content="no-referrer">
  <title>${escape(title.replace(/`/g, ''))} — certscope</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="docs.css">
  <script type="module" src="../lib/certscope-view-define.js"></script>
</head>
<body>
<nav class="top"><a href="../">certscope: open the page</a></nav>
<main class="doc">
${body}</main>
</body>
</html>
`);
}
copyFileSync(new URL('docs/docs.css', root), new URL('docs.css', out));
for (const image of readdirSync(new URL('docs/', root)).filter((f) => f.endsWith('.png'))) {
  copyFileSync(new URL(`docs/${image}`, root), new URL(image, out));
}
console.log(`docs: ${pages.length} pages in www/docs/`);
