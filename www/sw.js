// Service worker of the checker page: once loaded, the page keeps working
// without network (PRODUCT §6). Registered by <saigai-mode-check offline>.
//
// - A release's files under hashed names (dist/, scripts/dist.mjs): from the
//   cache at once (they never change; a slow network does not delay them).
// - The code of an unhashed www/ (scripts, styles, the module, version.js):
//   from this version's cache only. A file changed on the server (the next
//   version, or one half uploaded) never mixes into the running one: the
//   next version comes whole, with the next worker.
// - Everything else (the HTML, notices.json, the postal table; version.js of
//   a release): network first, so that new notices and a new release reach
//   clinics on their next visit; the cached copy when the network fails,
//   answers with a server error (5xx: overloaded servers are common in a
//   disaster) or is slower than NETWORK_TIMEOUT.
// - Registered with a wider scope (offline-scope="/", for a portal page
//   outside this folder): that page's own navigations, network first too.
// - One cache per build version (version.js, written by scripts/build): a
//   version is installed whole or not at all, the new one waits until no
//   page of the old one is open, and then the old cache is dropped, so a
//   page never runs files of two versions.
// Nothing else is cached, and nothing typed into the page is ever sent.
importScripts('version.js');
const CACHE = `saigai-mode-${self.SAIGAI_MODE_VERSION}`;
const NETWORK_TIMEOUT = 4000;
const HASHED = /\.[0-9a-f]{10}\.[a-z]+$/;
const SHELL = [
  './', 'index.html', 'page.css', 'favicon.svg', 'saigai-mode-check.js', 'saigai-mode.css', 'version.js',
  'dom.js', 'data-load.js', 'combobox.js', 'verdict-view.js', 'guide-view.js', 'timeline.js', 'calendar.js',
  'pkg/saigai_mode.js', 'pkg/saigai_mode_bg.wasm', 'readings.txt', 'procedure.json',
];
// Files of an unhashed www/ that belong to its version (not its pages)
const VERSIONED = new Set(SHELL.some((p) => HASHED.test(p)) ? [] : SHELL.filter((p) => p !== './' && !p.endsWith('.html')));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      // All of the version or nothing (a failed install keeps the old one)
      await cache.addAll(SHELL);
      // The site's data, when it has a file (optional: built-in data otherwise)
      await cache.add('notices.json').catch(() => undefined);
    }),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('saigai-mode-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The checker's files are the ones next to this script
  const base = new URL('./', self.location).pathname;
  if (!url.pathname.startsWith(base)) {
    if (event.request.mode === 'navigate') event.respondWith(networkFirst(event.request));
    return;
  }
  const path = url.pathname.slice(base.length);
  // A release's hashed names never change: from the cache. Everything else
  // (the HTML, version.js, notices.json, and every file of an unhashed
  // www/) may change under the same name: network first
  if (HASHED.test(path)) event.respondWith(cacheFirst(event));
  else if (VERSIONED.has(path)) event.respondWith(fromThisVersion(event.request));
  else event.respondWith(networkFirst(event.request));
});

/** This version's copy, never refreshed from the network (there it may be another version's) */
async function fromThisVersion(request) {
  const cached = await (await caches.open(CACHE)).match(request, { ignoreSearch: true });
  return cached ?? fetch(request);
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  const slow = new Promise((ok) => setTimeout(() => ok(null), NETWORK_TIMEOUT));
  const first = await Promise.race([network.catch(() => null), slow]);
  if (first && first.status < 500) return first;
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) {
    network.catch(() => undefined); // let it finish and refresh the cache
    return cached;
  }
  // Nothing cached: the network's answer, however slow or bad
  return first ?? network;
}

async function cacheFirst(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request, { ignoreSearch: true });
  const refresh = fetch(event.request).then((response) => {
    if (response.ok) cache.put(event.request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  }
  return refresh;
}
