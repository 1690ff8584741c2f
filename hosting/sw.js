// The service worker: after the first visit the Console works offline. The release build's
// post-build step (hosting/post_build.mjs) writes in the files to precache and a version made
// from their contents, so every new build is a new worker.
//
// - Install: precache every file of this build (hashed assets, index.html, scenarios) under
//   the worker's scope, which is wherever the app is mounted; a scenario over 1 MB (the scale
//   one) is cached the first time it is fetched instead, so a phone's first visit does not
//   download it.
// - Fetch: a file of the build comes from the cache; a navigation to a page of the app (the
//   mount point, or a path whose first segment is one of the app's routes) gets the cached
//   index.html; anything else goes to the network.
// - A new build waits: the page shows "A new version is ready" (hosting/update.js) and asks it
//   to take over only when the person presses Reload, so no stale app is served silently and
//   no tab is swapped under someone's feet.
const PRECACHE = self.PRECACHE;
// The app's first path segments (index.html's mount script has the same list): only those
// navigations are the app's; anything else under the scope belongs to someone else.
const ROUTES = self.ROUTES;
const LATER = self.LATER;
const VERSION = self.VERSION;
const CACHE = `flex-console-${VERSION}`;
const scope = new URL(self.registration.scope);
const urlOf = (file) => new URL(file, scope).href;
const INDEX = urlOf("index.html");
const files = new Set(PRECACHE.map(urlOf));
const later = new Set(LATER.map(urlOf));

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...files])));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("flex-console-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "take-over") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  const first = url.href.startsWith(scope.href) ? url.href.slice(scope.href.length).split("/")[0] : null;
  const appPage = first === "" || first === "index.html" || ROUTES.includes(first);
  if (request.mode === "navigate" && appPage) {
    // Every page of the app is index.html; the app reads the path itself.
    event.respondWith(caches.match(INDEX, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
  } else if (files.has(url.href)) {
    event.respondWith(caches.match(url.href, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)));
  } else if (later.has(url.href)) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const hit = await cache.match(url.href);
        if (hit) return hit;
        const response = await fetch(request);
        if (response.ok) await cache.put(url.href, response.clone());
        return response;
      }),
    );
  }
});
