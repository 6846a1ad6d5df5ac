// Demo wiring for embed.html: counts the reports the elements announce.
let reports = 0;
document.addEventListener('certscope:report', (event) => {
  reports += 1;
  document.documentElement.dataset.reports = String(reports);
  console.info(`certscope: ${event.target.id} → ${event.detail.certificates.length} certificates`);
});
