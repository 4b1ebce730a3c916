// flowchart serve: the flow page's own script (no libraries, nothing from elsewhere, no eval).
// It listens for saves (server-sent events), asks for the new drawing and puts it in place of the
// old one, keeping the zoom and the scroll position; it shows the problems of a save with errors
// and keeps the last good drawing; a click on a step shows its file:line.
(function () {
  'use strict';
  var body = document.body;
  var rel = body.dataset.flow;
  var url = body.dataset.url;
  var form = document.querySelector('.fc-switches');
  var canvas = document.querySelector('.fc-canvas');
  var diagram = document.querySelector('.fc-diagram');
  var problems = document.querySelector('.fc-diagnostics');
  var scenarios = document.querySelector('.fc-scenario-body');
  var where = document.querySelector('.fc-where');
  var status = document.querySelector('.fc-status');
  var handout = document.querySelector('.fc-handout');
  var level = document.querySelector('.fc-zoom-level');
  var steps = JSON.parse(document.getElementById('fc-steps').textContent || '{}');
  var version = Number(body.dataset.version) || 0;
  var zoom = 1;
  var busy = false;
  var again = false;
  body.classList.add('fc-scripted');

  function query() {
    var params = new URLSearchParams();
    params.set('theme', form.elements.theme.value);
    params.set('numbers', form.querySelector('input[type=checkbox][name=numbers]').checked ? '1' : '0');
    params.set('header', form.querySelector('input[type=checkbox][name=header]').checked ? '1' : '0');
    return params.toString();
  }

  function naturalWidth(svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    return box && box.width ? box.width : svg.getBoundingClientRect().width / zoom;
  }

  function applyZoom() {
    var svg = diagram.querySelector('svg');
    if (!svg) return;
    svg.style.width = Math.round(naturalWidth(svg) * zoom) + 'px';
    level.textContent = Math.round(zoom * 100) + '%';
  }

  function setZoom(how) {
    var svg = diagram.querySelector('svg');
    if (how === 'in') zoom = Math.min(zoom * 1.25, 8);
    else if (how === 'out') zoom = Math.max(zoom / 1.25, 0.1);
    else if (how === 'reset') zoom = 1;
    else if (how === 'fit' && svg) zoom = Math.max(0.1, (canvas.clientWidth - 4) / naturalWidth(svg));
    applyZoom();
  }

  function showProblems(list) {
    problems.replaceChildren();
    list.forEach(function (p) {
      var item = document.createElement('div');
      item.className = 'fc-diagnostic fc-' + p.severity;
      var parts = [['fc-code', p.code], ['fc-pos', rel + ':' + p.line + ':' + p.column], ['fc-message', p.message]];
      parts.forEach(function (part) {
        var span = document.createElement('span');
        span.className = part[0];
        span.textContent = part[1];
        item.appendChild(span);
        item.appendChild(document.createTextNode(' '));
      });
      var source = document.createElement('pre');
      source.className = 'fc-source';
      source.textContent = p.line + ' | ' + p.source;
      item.appendChild(source);
      problems.appendChild(item);
    });
  }

  // A new drawing is built in a hidden layer a slice at a time, one slice per frame, so that a big
  // flow (1,000 steps) never blocks the page for long; the layers then swap, which costs no layout.
  // The SVG writer puts each top-level element on a line of its own and escapes every "<" in text,
  // so the drawing splits safely before each "\n<"; each slice is parsed on its own.
  var staging = document.querySelector('.fc-staging');
  var shown = null;
  var building = 0;
  var SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">';

  function parsePieces(text) {
    var holder = document.createElement('template');
    holder.innerHTML = SVG_OPEN + text + '</svg>';
    return holder.content.firstElementChild;
  }

  function showDrawing(svgText) {
    if (!svgText || svgText === shown) return Promise.resolve();
    var mine = ++building;
    var pieces = svgText.split(/\n(?=<)/);
    var opening = pieces.shift();
    var head = new DOMParser().parseFromString(opening.replace(/>\s*$/, '/>'), 'image/svg+xml').documentElement;
    if (head.nodeName !== 'svg') return Promise.resolve();
    var fresh = document.importNode(head, false);
    staging.replaceChildren(fresh);
    fresh.style.width = Math.round(naturalWidth(fresh) * zoom) + 'px';
    var next = 0;
    var batch = 20;
    return new Promise(function (resolve) {
      function slice() {
        if (mine !== building) { resolve(); return; }  // a newer drawing took over
        var began = performance.now();
        var part = parsePieces(pieces.slice(next, next + batch).join('\n'));
        next += batch;
        while (part && part.firstChild) fresh.appendChild(part.firstChild);
        var spent = performance.now() - began;
        batch = Math.max(5, Math.min(400, Math.round(batch * (spent > 0 ? 6 / spent : 2))));
        requestAnimationFrame(next < pieces.length ? slice : swap);
      }
      function swap() {
        if (mine !== building) { resolve(); return; }
        var left = canvas.scrollLeft, top = canvas.scrollTop, x = window.scrollX, y = window.scrollY;
        var old = diagram;
        staging.className = 'fc-diagram';
        old.className = 'fc-staging';
        old.setAttribute('aria-hidden', 'true');
        staging.removeAttribute('aria-hidden');
        diagram = staging;
        staging = old;
        shown = svgText;
        canvas.scrollLeft = left;
        canvas.scrollTop = top;
        window.scrollTo(x, y);
        body.dataset.drawn = String(Number(body.dataset.drawn || 0) + 1);
        setTimeout(function () { if (staging === old) old.replaceChildren(); }, 0);
        resolve();
      }
      requestAnimationFrame(slice);
    });
  }

  function apply(data) {
    showProblems(data.problems);
    steps = data.steps;
    scenarios.innerHTML = data.scenarios;  // rendered by the server's escaping templates
    body.dataset.version = String(data.version);
    status.textContent = data.ok ? '' : 'the file has errors: showing the last good diagram';
    return showDrawing(data.svg);
  }

  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    again = false;
    fetch('/api/diagram/' + url + '?' + query(), { cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error('the server answered ' + response.status);
        return response.json();
      })
      .then(apply)
      .catch(function (error) { status.textContent = 'could not update: ' + error.message; })
      .then(function () {
        busy = false;
        if (again) refresh();  // saves came in while drawing: draw the newest
      });
  }

  function listen() {
    var events = new EventSource('/events?v=' + version);
    events.addEventListener('change', function (event) {
      version = Number(event.data);
      refresh();
    });
    events.onerror = function () { status.textContent = 'reconnecting…'; };
    events.onopen = function () { if (status.textContent === 'reconnecting…') status.textContent = ''; };
  }

  form.addEventListener('change', function () {
    var q = query();
    history.replaceState(null, '', '?' + q);
    handout.href = '/handout/' + url + '?' + q;
    refresh();
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); refresh(); });

  document.querySelector('.fc-zoom').addEventListener('click', function (event) {
    var button = event.target.closest('button[data-zoom]');
    if (button) setZoom(button.dataset.zoom);
  });

  canvas.addEventListener('click', function (event) {
    var step = event.target.closest('.fc-step');
    if (!step || !diagram.contains(step)) return;  // not a step, or one of the drawing being built
    event.preventDefault();  // a step with a link shows its line here instead of leaving the page
    var picked = canvas.querySelector('.fc-step.fc-picked');
    if (picked) picked.classList.remove('fc-picked');
    step.classList.add('fc-picked');
    var key = step.getAttribute('data-step');
    where.textContent = key in steps ? rel + ':' + steps[key] : rel;
    where.classList.add('fc-picked');
  });

  applyZoom();
  listen();
})();
