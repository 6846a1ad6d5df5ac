// Demo wiring for embed.html: fills the inline example from the examples folder (a real docs
// page would paste the PEM into the <script type="text/plain"> directly) and logs reports.
const inline = document.getElementById('inline');
const child = inline.querySelector('script[type="text/plain"]');
const [chain, root] = await Promise.all(['examples/good-chain.pem', 'examples/good-chain-root.pem']
  .map(async (path) => (await fetch(path)).text()));
child.textContent = chain;
// Trust the example's private root: any non-keyword `roots` value is PEM.
inline.setAttribute('roots', root);

let reports = 0;
document.addEventListener('certscope:report', (event) => {
  reports += 1;
  document.documentElement.dataset.reports = String(reports);
  console.info(`certscope: ${event.target.id} → ${event.detail.certificates.length} certificates`);
});
