// The portal's service worker (scope "/"). It keeps two things on the device:
// - the app shell (our CSS, JS and icons), network first, so the offline copies below still look right;
// - the patient's offline copies: today's routine, the handout, the log form and the back care guide. Network first;
//   offline, the last copy is answered with data-offline-copy="<when it was saved>" on <html>, which offline.js turns
//   into a visible banner.
// Only answers marked by the portal with X-Offline-Cache (a patient's own pages; its value is a hash of the user) are
// stored: never staff or admin pages, form answers or anything posted. Copies of another user are dropped as soon as
// a page of a new user is stored, and signing out empties every cache (offline.js, and Clear-Site-Data).
"use strict";

var SHELL = "shell-v1";
var PAGES = "pages-v1";
var SHELL_FILES = [
  "/css/app.css",
  "/js/portal.js",
  "/js/offline.js",
  "/img/icon.svg",
  "/img/icon-192.png",
  "/manifest.webmanifest"
];
var OFFLINE_PAGES = ["/me/today", "/me/handout", "/me/log", "/education"];

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); }).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n !== SHELL && n !== PAGES; }).map(function (n) {
        return caches.delete(n);
      }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") {
    return; // posts (a session log, signing out) always go to the network, never to a cache
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate" && OFFLINE_PAGES.indexOf(url.pathname) >= 0) {
    event.respondWith(page(request, url.pathname));
  } else if (SHELL_FILES.indexOf(url.pathname) >= 0) {
    event.respondWith(shell(request, url.pathname));
  }
});

function shell(request, path) {
  return fetch(request).then(function (answer) {
    if (answer.ok) {
      var copy = answer.clone();
      caches.open(SHELL).then(function (cache) { return cache.put(path, copy); });
    }
    return answer;
  }).catch(function () {
    return caches.match(path, { cacheName: SHELL }).then(function (kept) { return kept || Response.error(); });
  });
}

function page(request, path) {
  return fetch(request).then(function (answer) {
    var user = answer.headers.get("X-Offline-Cache");
    if (answer.ok && user && !answer.redirected) {
      return keep(path, answer.clone(), user).then(function () { return answer; }, function () { return answer; });
    }
    if (answer.ok && !user && !answer.redirected) {
      // This page answered, unmarked: whoever is signed in now is not the patient whose copies these are.
      return caches.delete(PAGES).then(function () { return answer; });
    }
    return answer;
  }).catch(function () {
    return caches.match(path, { cacheName: PAGES }).then(function (kept) {
      if (!kept) {
        return Response.error();
      }
      var saved = kept.headers.get("X-Offline-Saved") || "";
      return kept.text().then(function (html) {
        var marked = html.replace("<html ", "<html data-offline-copy=\"" + saved.replace(/[^0-9TZ:.\-]/g, "") + "\" ");
        return new Response(marked, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
      });
    });
  });
}

function keep(path, answer, user) {
  return caches.open(PAGES).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.map(function (r) {
        return cache.match(r).then(function (old) {
          if (!old || old.headers.get("X-Offline-Cache") !== user) {
            return cache.delete(r);
          }
        });
      }));
    }).then(function () {
      return answer.text();
    }).then(function (html) {
      var headers = new Headers();
      headers.set("Content-Type", "text/html; charset=utf-8");
      headers.set("X-Offline-Cache", user);
      headers.set("X-Offline-Saved", new Date().toISOString());
      return cache.put(path, new Response(html, { status: 200, headers: headers }));
    });
  });
}
