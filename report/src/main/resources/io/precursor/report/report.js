/* Precursor replay report: builds the page from the embedded report data with Chart.js. */
(function () {
  'use strict';
  var report = JSON.parse(document.getElementById('report-data').textContent);
  var span = report.to - report.from;
  var COLORS = { WARNING: 'rgba(217, 119, 6, 0.16)', CRITICAL: 'rgba(192, 38, 45, 0.18)', INFO: 'rgba(37, 99, 235, 0.12)' };
  var DETECTED = { WARNING: '#d97706', CRITICAL: '#c0262d', INFO: '#2563eb' };
  var FAILOVER = '#7c1d9c';
  var pending = [];
  var charts = [];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  function utc(ms, withDate) {
    var d = new Date(ms);
    var time = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
    return withDate ? d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + time : time;
  }

  function iso(ms) { return new Date(ms).toISOString().replace('.000Z', 'Z'); }

  function duration(ms) {
    var s = Math.round(ms / 1000), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return h > 0 ? h + ' h ' + m + ' min' : m + ' min ' + (s % 60) + ' s';
  }

  function quantity(value, unit) {
    if (unit === 'bytes') {
      var gib = value / 1073741824;
      return Math.abs(gib) >= 1 ? gib.toFixed(1) + ' GiB' : (value / 1048576).toFixed(0) + ' MiB';
    }
    if (unit === 'seconds') { return (value * 1000).toFixed(1) + ' ms'; }
    if (unit === 'milliseconds') { return value.toFixed(1) + ' ms'; }
    if (unit === 'percent') { return value.toFixed(0) + '%'; }
    return Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(3)).toString();
  }

  /* Precursor windows as bands, detections as dashed lines, failovers as solid lines: no plugin needed. */
  var markers = {
    id: 'precursorMarkers',
    beforeDatasetsDraw: function (chart, args, options) {
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      ctx.save();
      (options.precursors || []).forEach(function (p) {
        var left = Math.max(area.left, x.getPixelForValue(p.windowStart));
        var right = Math.min(area.right, x.getPixelForValue(p.windowEnd));
        if (right > left) {
          ctx.fillStyle = COLORS[p.severity] || COLORS.INFO;
          ctx.fillRect(left, area.top, right - left, area.bottom - area.top);
        }
      });
      ctx.restore();
    },
    afterDatasetsDraw: function (chart, args, options) {
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      function line(at, color, dash) {
        var px = x.getPixelForValue(at);
        if (px < area.left || px > area.right) { return; }
        ctx.save();
        ctx.strokeStyle = color;
        ctx.lineWidth = 2;
        ctx.setLineDash(dash);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.restore();
      }
      (options.precursors || []).forEach(function (p) { line(p.detectedAt, DETECTED[p.severity] || DETECTED.INFO, [5, 4]); });
      (options.failovers || []).forEach(function (f) { line(f.startedAt, FAILOVER, []); });
    }
  };

  /* A round tick step (in ms) giving at most about 8 ticks over the window. */
  var tickStep = (function () {
    var minutes = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];
    for (var i = 0; i < minutes.length; i++) { if (span / (minutes[i] * 60000) <= 8) { return minutes[i] * 60000; } }
    return span / 8;
  })();

  function chartConfig(instance, chart) {
    var withDate = span > 36 * 3600 * 1000;
    return {
      type: 'line',
      data: {
        datasets: [{
          label: chart.metric,
          data: chart.points.map(function (p) { return { x: p[0], y: p[1] }; }),
          borderColor: '#2563eb',
          backgroundColor: 'rgba(37, 99, 235, 0.08)',
          borderWidth: 1.5,
          pointRadius: 0,
          fill: true,
          tension: 0
        }]
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: {
            type: 'linear', min: report.from, max: report.to,
            ticks: { stepSize: tickStep, maxTicksLimit: 9, maxRotation: 0, callback: function (v) { return utc(v, withDate); } }
          },
          y: { beginAtZero: chart.unit !== 'percent' ? false : true, ticks: { maxTicksLimit: 5, callback: function (v) { return quantity(v, chart.unit); } } }
        },
        plugins: {
          legend: { display: false },
          title: { display: true, text: chart.metric + (chart.bucketSeconds > 60 ? ' (' + chart.worst + ' per ' + chart.bucketSeconds / 60 + ' min)' : ''), align: 'start' },
          tooltip: { callbacks: {
            title: function (items) { return items.length ? iso(items[0].parsed.x) : ''; },
            label: function (item) { return quantity(item.parsed.y, chart.unit); }
          } },
          precursorMarkers: { precursors: instance.precursors, failovers: instance.failovers }
        }
      },
      plugins: [markers]
    };
  }

  function drawCharts(section) {
    if (section.dataset.drawn === 'true') { return; }
    section.dataset.drawn = 'true';
    section.precursorCharts.forEach(function (spec) {
      charts.push({ canvas: spec.canvas, chart: new Chart(spec.canvas, chartConfig(spec.instance, spec.chart)) });
    });
  }

  function summaryTable() {
    var rows = report.instances.filter(function (i) { return i.precursors.length || i.failovers.length; });
    var body = rows.map(function (i) {
      var kinds = Object.keys(i.summary.precursorsByKind).map(function (k) {
        var c = i.summary.precursorsByKind[k];
        return k + ' \u00d7' + c.episodes + ' (' + c.highestSeverity + ')';
      }).join(', ') || '\u2013';
      return el('tr', {}, [
        el('td', {}, [el('a', { href: '#' + anchor(i.instance), text: i.instance })]),
        el('td', { text: i.cluster || '\u2013' }),
        el('td', { text: kinds }),
        el('td', { 'class': 'num', text: String(i.summary.incidents) }),
        el('td', { text: i.summary.leadTimesMillis.map(duration).join(', ') || '\u2013' }),
        el('td', { 'class': 'num', text: String(i.summary.unconfirmed) })
      ]);
    });
    var quiet = report.instances.length - rows.length;
    return el('section', {}, [
      el('table', { id: 'summary' }, [
        el('thead', {}, [el('tr', {}, ['Instance', 'Cluster', 'Precursors by kind', 'Incidents', 'Lead times', 'Unconfirmed'].map(function (h, n) {
          return el('th', { 'class': n === 3 || n === 5 ? 'num' : '', text: h });
        }))]),
        el('tbody', {}, body)
      ]),
      el('p', { 'class': 'sub', text: quiet > 0 ? quiet + ' other instance(s): no precursor, no failover.' : '' })
    ]);
  }

  function anchor(instance) { return 'instance-' + instance.replace(/[^A-Za-z0-9_-]/g, '_'); }

  function precursorBlock(p) {
    var head = p.kind + ' ' + p.severity + ', detected ' + iso(p.detectedAt) + ' (window ' + utc(p.windowStart, false) + '\u2013' + utc(p.windowEnd, false) + ' UTC)';
    var outcome = p.incidentId
      ? 'led to ' + p.incidentId + ', ' + duration(p.leadTimeMillis) + ' ahead'
      : 'unconfirmed: no failover followed';
    var rows = p.topFingerprints.map(function (f) {
      return el('tr', {}, [
        el('td', {}, [el('code', { text: f.fingerprint })]),
        el('td', { 'class': 'num', text: String(f.count) }),
        el('td', { 'class': 'num', text: f.queryTimeSeconds.toFixed(1) + ' s' }),
        el('td', { 'class': 'num', text: f.rowsExamined.toLocaleString('en-US') })
      ]);
    });
    return el('div', { 'class': 'precursor ' + p.severity }, [
      el('div', {}, [el('strong', { text: head })]),
      el('div', { text: p.summary }),
      el('div', { 'class': 'sub', text: outcome + '. ' + p.hint }),
      rows.length ? el('table', {}, [
        el('thead', {}, [el('tr', {}, [el('th', { text: 'Top fingerprints in the window, by total query time' }), el('th', { 'class': 'num', text: 'Entries' }), el('th', { 'class': 'num', text: 'Query time' }), el('th', { 'class': 'num', text: 'Rows examined' })])]),
        el('tbody', {}, rows)
      ]) : el('div', { 'class': 'sub', text: 'No slow queries in the window.' })
    ]);
  }

  function instanceSection(instance) {
    var badges = instance.precursors.map(function (p) { return el('span', { 'class': 'badge ' + p.severity, text: p.kind }); });
    instance.failovers.forEach(function () { badges.push(el('span', { 'class': 'badge failover', text: 'failover' })); });
    if (!badges.length) { badges.push(el('span', { 'class': 'badge quiet', text: 'quiet' })); }
    var specs = instance.charts.map(function (chart) {
      var canvas = el('canvas', { 'data-chart': chart.metric, 'aria-label': chart.metric + ' of ' + instance.instance, role: 'img' });
      return { canvas: canvas, instance: instance, chart: chart };
    });
    var grid = el('div', { 'class': 'charts' }, specs.map(function (spec) { return el('div', { 'class': 'chart' }, [spec.canvas]); }));
    var failovers = instance.failovers.map(function (f) {
      return el('div', { 'class': 'sub', text: 'Failover ' + f.incidentId + ': ' + f.state + ' at ' + iso(f.startedAt) + (f.rtoMillis != null ? ', recovered in ' + (f.rtoMillis / 1000).toFixed(1) + ' s' : '') });
    });
    var section = el('details', { 'class': 'instance', id: anchor(instance.instance) }, [
      el('summary', {}, [el('h2', { text: instance.instance })].concat([' ', el('span', { 'class': 'sub', text: instance.cluster || '' })]).concat(badges)),
      el('div', { 'class': 'legend' }, [
        el('span', {}, [el('i', { 'class': 'swatch', style: 'background:' + COLORS.WARNING }), 'precursor window']),
        el('span', {}, [el('i', { 'class': 'swatch', style: 'border-top:2px dashed ' + DETECTED.CRITICAL }), 'detected']),
        el('span', {}, [el('i', { 'class': 'swatch', style: 'border-top:2px solid ' + FAILOVER }), 'failover'])
      ]),
      instance.charts.length ? grid : el('p', { 'class': 'sub', text: 'No key metric was read for this instance.' })
    ].concat(failovers).concat(instance.precursors.map(precursorBlock)));
    section.precursorCharts = specs;
    if (instance.precursors.length || instance.failovers.length || location.hash === '#all') {
      section.open = true;
      pending.push(section);
    }
    section.addEventListener('toggle', function () {
      if (section.open && section.dataset.drawn !== 'true') { drawCharts(section); requestAnimationFrame(recordHealth); }
    });
    return section;
  }

  /* Counts each drawn canvas's painted pixels and writes them into the page, for tests and readers. */
  function recordHealth() {
    var blank = 0;
    charts.forEach(function (c) {
      var ctx = c.canvas.getContext('2d');
      var pixels = ctx.getImageData(0, 0, c.canvas.width, c.canvas.height).data;
      var painted = 0;
      for (var i = 3; i < pixels.length; i += 4) { if (pixels[i] !== 0) { painted++; } }
      c.canvas.dataset.paintedPixels = String(painted);
      if (painted === 0) { blank++; }
    });
    var health = document.getElementById('page-health');
    health.textContent = JSON.stringify({ charts: charts.length, blankCharts: blank, errors: window.precursorPageErrors });
    health.dataset.state = 'done';
  }

  var records = Object.keys(report.records).map(function (k) { return report.records[k] + ' ' + k; }).join(', ');
  document.title = 'Precursor replay ' + report.run;
  document.getElementById('heading').appendChild(el('div', {}, [
    el('h1', { text: 'Precursor replay ' + report.run }),
    el('div', { 'class': 'sub', text: iso(report.from) + ' to ' + iso(report.to) + (report.scope ? ', ' + report.scope : '') + ' \u00b7 ' + report.instances.length + ' instance(s)' }),
    el('div', { 'class': 'sub', text: 'Read: ' + records })
  ]));
  var main = document.getElementById('report');
  main.appendChild(summaryTable());
  report.instances.forEach(function (i) { main.appendChild(instanceSection(i)); });
  pending.forEach(drawCharts);
  requestAnimationFrame(function () { setTimeout(recordHealth, 0); });
})();
