// The local console: sign in as a development user, create a channel, upload a file (public, unlisted or private)
// with the presigned multipart URLs, follow the pipeline (GET /videos/{id} and the local execution history), play
// the result (signed media URLs for unlisted and private videos), and look at it as a subscriber. Same origin as the HTTP API; the identity travels in X-Clipflow-Dev-User (local only).
'use strict';

const $ = id => document.getElementById(id);
// the user is remembered across reloads; the channel and the video belong to this page (the stack's data does not
// outlive it)
const saved = {user: localStorage.getItem('clipflow-console-user')};
const save = () => localStorage.setItem('clipflow-console-user', saved.user);
const sleep = ms => new Promise(r => setTimeout(r, ms));

function fail(e) {
  $('error').textContent = e.message || String(e);
  $('error').hidden = false;
}

async function api(method, path, body, user = saved.user) {
  const r = await fetch(path, {method, body: body && JSON.stringify(body),
    headers: {'content-type': 'application/json', 'X-Clipflow-Dev-User': user}});
  const text = await r.text();
  const json = text ? JSON.parse(text) : null;
  if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status} ${json?.message || text}`);
  return json;
}

function signIn(user) {
  saved.user = user;
  save();
  $('user').value = user;
  $('signed-in').textContent = `signed in as ${user}`;
}

// -- upload: POST /videos, PUT each part to its presigned URL (XHR: upload progress), then complete.
function putPart(url, blob, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.upload.onprogress = e => onProgress(e.loaded);
    xhr.onload = () => {
      const etag = xhr.getResponseHeader('ETag');
      if (xhr.status === 200 && etag) resolve(etag);
      else reject(new Error(`part upload: HTTP ${xhr.status}${etag ? '' : ', no ETag (is it exposed by CORS?)'}`));
    };
    xhr.onerror = () => reject(new Error('part upload failed: network error or CORS refused'));
    xhr.send(blob);
  });
}

async function upload(file) {
  if (!saved.channelId) throw new Error('Create a channel first');
  $('error').hidden = true;
  const v = await api('POST', '/videos', {channelId: saved.channelId, title: $('title').value || file.name,
    visibility: $('visibility').value, sizeBytes: file.size, contentType: file.type || 'video/mp4',
    fileName: file.name});
  showVideoId(v.videoId);
  let parts = v.parts, next = v.nextPartNumber, sent = 0;
  const done = [];
  for (let i = 0; i < v.partCount; i++) {
    if (i === parts.length) {
      const more = await api('GET', `/videos/${v.videoId}/upload/parts?from=${next}`);
      parts = parts.concat(more.parts);
      next = more.nextPartNumber;
    }
    const p = parts[i], start = (p.partNumber - 1) * v.partSize;
    $('upload-status').textContent = `uploading part ${p.partNumber} of ${v.partCount}`;
    const eTag = await putPart(p.url, file.slice(start, start + p.sizeBytes),
        loaded => { $('upload-progress').value = (sent + loaded) / file.size; });
    sent += p.sizeBytes;
    done.push({partNumber: p.partNumber, eTag});
  }
  await api('POST', `/videos/${v.videoId}/upload/complete`, {parts: done});
  $('upload-progress').value = 1;
  $('upload-status').textContent = `uploaded: ${v.partCount} part${v.partCount > 1 ? 's' : ''}, ${file.size} bytes`;
  await follow(v.videoId);
}

// -- the pipeline: poll the video and the execution until the video is PUBLISHED or FAILED and the execution ends.
function showVideoId(id) {
  saved.videoId = id;
  $('video-id').textContent = id;
}

function showStatus(v) {
  $('status').textContent = v.status;
  $('status').dataset.status = v.status;
  // stage and progress: shown when the API has them (lifecycle events, issue 14)
  $('stage').textContent = [v.stage && `stage ${v.stage}`, v.failureReason].filter(Boolean).join(' - ');
  const p = typeof v.progress === 'number' ? v.progress : v.progress?.fraction ?? v.progress?.percent;
  $('stage-progress').hidden = typeof p !== 'number';
  if (typeof p === 'number') $('stage-progress').value = p > 1 ? p / 100 : p;
}

function showExecution(x) {
  const st = Graph.update(x);
  const failures = Object.entries(st).filter(([, s]) => s.error);
  $('execution').replaceChildren(`execution ${x.name}: ${x.status}`,
      ...failures.map(([name, s]) => Object.assign(document.createElement('div'), {
        className: s.status === 'failed' ? 'failure' : 'retry',
        textContent: `${name} ${s.status === 'failed' ? 'failed' : 'retried after'}: ${s.error}: ${message(s.cause)}`,
      })));
}

// a Lambda error's cause is its JSON ({"errorMessage", "errorType", "stackTrace"}): its message is enough here
function message(cause) {
  try { return JSON.parse(cause).errorMessage ?? cause; } catch { return cause || ''; }
}

async function follow(videoId) {
  let shown = false, x = null;
  for (;;) {
    const v = await api('GET', `/videos/${videoId}`);
    showStatus(v);
    const r = await fetch(`/_local/videos/${videoId}/execution`);
    if (r.ok) showExecution(x = await r.json());
    const ended = v.status === 'PUBLISHED' || v.status === 'FAILED';
    if (v.status === 'PUBLISHED' && !shown) { showPublished(v).catch(fail); shown = true; }
    if (ended && (!x || x.status !== 'RUNNING')) return v;
    await sleep(1000);
  }
}

// -- media access: GET /videos/{id}/playback answers the master playlist's URL and, for an unlisted or private video
// (its media under restricted/{id}/, docs/adr/0014), a CloudFront signature (Policy, Signature, Key-Pair-Id) for the
// video's whole prefix, valid 10 minutes. Every request for its media carries it as query parameters; a new one is
// asked for a minute before it expires. A public video's answer has none, and its URLs stay as they are.
async function mediaAccess(videoId) {
  const ask = () => api('GET', `/videos/${videoId}/playback`);
  let current = await ask();
  const fresh = async () => {
    if (current.expiresAt && Date.parse(current.expiresAt) - Date.now() < 60_000) current = await ask();
    return current;
  };
  const signed = (url, query) => {
    if (!query) return url;
    const u = new URL(url, location.href);
    Object.entries(query).forEach(([k, v]) => u.searchParams.set(k, v));
    return u.href;
  };
  return {
    hlsUrl: current.hlsUrl,
    describe: () => current.signedQuery
      ? `${current.visibility}: signed media URLs, this signature until ${new Date(current.expiresAt).toLocaleTimeString()}`
      : `${current.visibility}: plain media URLs`,
    // for the player: the URL with a signature that is not about to expire
    sign: async url => signed(url, (await fresh()).signedQuery),
    // for the poster and thumbnails: with the signature held now
    signNow: url => signed(url, current.signedQuery),
  };
}

// -- the published video: hls.js (or the browser's own HLS), the poster, the sprite on the seek bar.
async function showPublished(v) {
  const access = await mediaAccess(v.videoId);
  const video = $('player'), url = access.hlsUrl;
  $('access').textContent = access.describe();
  video.dataset.hls = url;
  video.poster = access.signNow(v.playback.posterUrl);
  $('poster').src = access.signNow(v.playback.posterUrl);
  $('poster').hidden = false;
  if (window.Hls?.isSupported()) {
    // xhrSetup opens each playlist and segment request itself, on the signed URL (hls.js waits for its promise)
    const hls = new Hls({xhrSetup: async (xhr, u) => xhr.open('GET', await access.sign(u), true)});
    hls.on(Hls.Events.ERROR, (_, d) => d.fatal && fail(new Error(`player: ${d.type} ${d.details}`
        + (d.response?.code ? ` (HTTP ${d.response.code})` : ''))));
    hls.loadSource(url);
    hls.attachMedia(video);
  } else {
    // the browser's own HLS requests the segments itself: only a public video plays there (signed cookies would be
    // needed for the others, docs/adr/0014)
    video.src = access.signNow(url);
  }
  table($('renditions'), ['name', 'size', 'bit/s'], (v.renditions || []).map(r =>
      [r.name, `${r.width}x${r.height}`, r.bandwidth.toLocaleString('en')]));
  const usd = n => Number(n).toFixed(6);
  const stages = Object.entries(v.cost?.perStage || {}).map(([s, c]) => [s, usd(c.total)]);
  table($('cost'), ['stage', 'total'], v.cost ? [...stages, ['all', usd(v.cost.total)]] : []);
  thumbnails(v.playback.thumbnailsVttUrl, access).catch(fail);
}

function table(t, head, rows) {
  t.querySelectorAll('tr').forEach(r => r.remove());
  for (const [cells, tag] of [[head, 'th'], ...rows.map(r => [r, 'td'])]) {
    const tr = t.insertRow();
    cells.forEach(c => tr.appendChild(Object.assign(document.createElement(tag), {textContent: c})));
  }
}

const seconds = t => t.split(':').reduce((acc, n) => acc * 60 + Number(n), 0);

async function thumbnails(vttUrl, access) {
  const text = await (await fetch(access.signNow(vttUrl))).text();
  const cues = [...text.matchAll(/([\d:.]+) --> ([\d:.]+)\s+(\S+)#xywh=(\d+),(\d+),(\d+),(\d+)/g)].map(m => ({
    start: seconds(m[1]), end: seconds(m[2]), url: new URL(m[3], vttUrl).href,
    x: +m[4], y: +m[5], w: +m[6], h: +m[7]}));
  const seek = $('seek'), thumb = $('thumb'), video = $('player');
  seek.dataset.thumbnails = cues.length;
  video.addEventListener('durationchange', () => { seek.max = video.duration; });
  video.addEventListener('timeupdate', () => { seek.value = video.currentTime; });
  seek.addEventListener('input', () => { video.currentTime = Number(seek.value); });
  seek.addEventListener('mouseleave', () => { thumb.hidden = true; });
  seek.addEventListener('mousemove', e => {
    const box = seek.getBoundingClientRect();
    const t = (e.clientX - box.left) / box.width * (Number(seek.max) || cues.at(-1)?.end || 0);
    const c = cues.find(c => t >= c.start && t < c.end) || cues.at(-1);
    if (!c) return;
    Object.assign(thumb.style, {width: `${c.w}px`, height: `${c.h}px`, left: `${e.clientX - box.left - c.w / 2}px`,
      backgroundImage: `url("${access.signNow(c.url)}")`, backgroundPosition: `-${c.x}px -${c.y}px`});
    thumb.hidden = false;
  });
}

// -- the subscriber view: subscribe, then the feed and the related videos, as the viewer.
async function listVideos(list, items, viewer) {
  list.replaceChildren();
  for (const item of items) {
    const v = await api('GET', `/videos/${item.videoId}`, null, viewer).catch(() => ({title: '(not visible)'}));
    const score = item.score === undefined ? '' : ` (score ${item.score.toFixed(3)})`;
    list.appendChild(Object.assign(document.createElement('li'), {textContent: `${v.title}${score}`}));
  }
  if (!items.length) list.appendChild(Object.assign(document.createElement('li'), {textContent: 'none yet'}));
}

async function subscriberView() {
  const viewer = $('viewer').value;
  const feed = await api('GET', '/me/feed', null, viewer);
  await listVideos($('feed'), feed.items, viewer);
  const related = saved.videoId ? await api('GET', `/videos/${saved.videoId}/related`, null, viewer)
      .catch(() => ({items: []})) : {items: []};
  await listVideos($('related'), related.items, viewer);
}

// -- wiring
window.addEventListener('DOMContentLoaded', async () => {
  signIn(saved.user || $('user').value);
  $('sign-in').addEventListener('submit', e => { e.preventDefault(); signIn($('user').value); });
  $('channel-form').addEventListener('submit', e => {
    e.preventDefault();
    api('POST', '/channels', {name: $('channel-name').value}).then(c => {
      saved.channelId = c.channelId;
      $('channel').textContent = `channel ${c.channelId}`;
    }).catch(fail);
  });
  const drop = $('drop');
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) upload(e.dataTransfer.files[0]).catch(fail);
  });
  $('file').addEventListener('change', e => e.target.files[0] && upload(e.target.files[0]).catch(fail));
  $('subscribe').addEventListener('click', () => api('POST', `/channels/${saved.channelId}/subscription`, null,
      $('viewer').value).then(subscriberView).catch(fail));
  $('load-feed').addEventListener('click', () => subscriberView().catch(fail));
  try {
    const sm = await (await fetch('/_local/state-machine')).json();
    Graph.draw(sm.definition, $('graph'));
  } catch (e) {
    fail(e);
  }
});
