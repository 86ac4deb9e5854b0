// Draws a bar chart above each table marked data-chart, from the table's own figures (the table stays: it is the
// chart's text alternative and the page without JavaScript). Columns whose header has data-series are drawn.
document.querySelectorAll('table[data-chart]').forEach((table) => {
  const headers = Array.from(table.querySelectorAll('thead th'));
  const series = headers.map((th, i) => ({ th, i })).filter(({ th }) => th.dataset.series);
  const rows = Array.from(table.querySelectorAll('tbody tr'));
  if (!window.Chart || rows.length === 0 || series.length === 0) {
    return;
  }
  const labels = rows.map((row) => row.cells[0].textContent.trim());
  const colours = ['#1d70b8', '#00703c', '#f47738', '#4c2c92'];
  const datasets = series.map(({ th, i }, n) => ({
    label: th.dataset.series,
    data: rows.map((row) => Number(row.cells[i].dataset.value || 0)),
    backgroundColor: colours[n % colours.length],
  }));
  const figure = document.createElement('div');
  figure.className = 'anchor-chart';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', table.dataset.chartLabel + ' (the table below gives the figures)');
  figure.appendChild(canvas);
  table.parentNode.insertBefore(figure, table);
  new window.Chart(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { ticks: { callback: (v) => '£' + Number(v).toLocaleString('en-GB') } } } },
  });
});
