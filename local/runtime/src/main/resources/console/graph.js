// The state machine as a graph: its top-level states in layers (longest path from StartAt), a Parallel's or
// Map's inner states listed in its box; lit from the execution history (GetExecutionHistory's events).
'use strict';

const Graph = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const W = 230, ROW = 18, HEAD = 30, GAP_X = 20, GAP_Y = 36;
  let boxes = {};   // state name -> its <g> (inner states too)
  let kinds = {};   // state name -> Type

  const transitions = s => [
    ...[s.Next, s.Default].filter(Boolean).map(t => [t, 'next']),
    ...(s.Choices || []).map(c => [c.Next, 'next']),
    ...(s.Catch || []).map(c => [c.Next, 'catch']),
  ];
  const inner = s => [...(s.Branches || []), s.ItemProcessor || s.Iterator].filter(Boolean)
      .flatMap(b => Object.entries(b.States));

  function layers(def) {
    const level = {[def.StartAt]: 0};
    for (let pass = 0, changed = true; changed && pass < 100; pass++) {
      changed = false;
      for (const [name, s] of Object.entries(def.States)) {
        if (!(name in level)) continue;
        for (const [to] of transitions(s)) {
          if (!(to in level) || level[to] < level[name] + 1) { level[to] = level[name] + 1; changed = true; }
        }
      }
    }
    const rows = [];
    Object.keys(def.States).forEach(n => (rows[level[n] ?? rows.length] ??= []).push(n));
    return rows.filter(Boolean);
  }

  function el(name, attrs, parent, text) {
    const e = document.createElementNS(NS, name);
    Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) e.textContent = text;
    parent.appendChild(e);
    return e;
  }

  function draw(def, container) {
    boxes = {}; kinds = {};
    const rows = layers(def);
    const height = n => HEAD + inner(def.States[n]).length * ROW + 6;
    const width = Math.max(...rows.map(r => r.length)) * (W + GAP_X);
    const pos = {};
    let y = 10;
    for (const row of rows) {
      const x0 = (width - row.length * (W + GAP_X)) / 2 + GAP_X / 2;
      row.forEach((n, i) => { pos[n] = {x: x0 + i * (W + GAP_X), y, h: height(n)}; });
      y += Math.max(...row.map(height)) + GAP_Y;
    }
    container.replaceChildren();
    const svg = el('svg', {viewBox: `0 0 ${width} ${y}`, width, height: y, class: 'graph'}, container);
    const marker = el('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7,
      markerHeight: 7, orient: 'auto'}, el('defs', {}, svg));
    el('path', {d: 'M0,0 L10,5 L0,10 z'}, marker);
    for (const [n, s] of Object.entries(def.States)) {
      for (const [to, kind] of transitions(s)) {
        const a = pos[n], b = pos[to];
        if (!a || !b) continue;
        el('line', {x1: a.x + W / 2, y1: a.y + a.h, x2: b.x + W / 2, y2: b.y, class: `edge ${kind}`,
          'marker-end': 'url(#arrow)'}, svg);
      }
    }
    for (const [n, s] of Object.entries(def.States)) {
      const p = pos[n];
      if (!p) continue;
      const g = el('g', {class: 'state', 'data-state': n, transform: `translate(${p.x},${p.y})`}, svg);
      el('rect', {width: W, height: p.h, rx: 6}, g);
      el('text', {x: 10, y: 19, class: 'name'}, g, n);
      el('title', {}, g, `${n} (${s.Type})`);
      boxes[n] = g; kinds[n] = s.Type;
      inner(s).forEach(([m, t], i) => {
        const r = el('g', {class: 'state inner', 'data-state': m, transform: `translate(8,${HEAD + i * ROW - 4})`}, g);
        el('rect', {width: W - 16, height: ROW - 2, rx: 3}, r);
        el('text', {x: 6, y: 12}, r, m);
        el('title', {}, r, `${m} (${t.Type})`);
        boxes[m] = r; kinds[m] = t.Type;
      });
    }
  }

  // status per state: running, succeeded, failed (with error and cause), from the events in order. A task's
  // events name no state: each belongs to the state of the event it follows (previousEventId).
  function statuses(events) {
    const st = {}, owner = {};
    let lastEntered = null;
    for (const e of events) {
      const details = Object.entries(e).find(([k]) => k.endsWith('EventDetails'))?.[1] || {};
      const entered = e.type.endsWith('StateEntered'), exited = e.type.endsWith('StateExited');
      const name = entered || exited ? details.name : owner[e.previousEventId] ?? lastEntered;
      owner[e.id] = name;
      if (entered) {
        lastEntered = name;
        st[name] = {...st[name], status: kinds[name] === 'Fail' ? 'failed' : 'running',
          runs: (st[name]?.runs || 0) + 1};
      } else if (name && st[name]) {
        if (exited) st[name].status = st[name].failing ? 'failed' : 'succeeded';
        else if (details.error) Object.assign(st[name], {error: details.error, cause: details.cause, failing: true});
        else st[name].failing = false;
      }
    }
    return st;
  }

  function update(execution) {
    const st = statuses(execution.events || []);
    for (const [name, s] of Object.entries(st)) {
      if (kinds[name] === 'Fail' && execution.error) Object.assign(s, {error: execution.error, cause: execution.cause});
      if (s.failing && s.status === 'running' && execution.status !== 'RUNNING') s.status = 'failed';
    }
    for (const [name, g] of Object.entries(boxes)) {
      const s = st[name];
      g.setAttribute('class', `state${g.classList.contains('inner') ? ' inner' : ''} ${s ? s.status : 'idle'}`);
      g.querySelector('title').textContent = `${name} (${kinds[name]})` + (s?.runs > 1 ? `, ${s.runs} runs` : '')
          + (s?.error ? `\n${s.error}: ${s.cause || ''}` : '');
    }
    return st;
  }

  return {draw, update, statuses};
})();
