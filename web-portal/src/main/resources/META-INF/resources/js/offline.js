// The offline part of the portal (see docs/offline.md): registers the service worker, says when a page is an offline
// copy, keeps a session logged offline on this device (IndexedDB) and sends it when the connection returns, with the
// Idempotency-Key it was made with, so the clinic stores it once however often it is sent. Signing out empties the
// caches and the queue. The words come from the script tag's data-* attributes (the page's language).
(function () {
  "use strict";
  var script = document.currentScript;
  var words = function (name) { return (script && script.getAttribute("data-" + name)) || ""; };
  var DB = "clinic-offline";
  var STORE = "sessions";
  var signOutForms = Array.prototype.filter.call(document.querySelectorAll("form"), function (f) {
    return /\/logout$/.test(f.getAttribute("action") || "");
  });
  var signedIn = signOutForms.length > 0;
  var main = document.getElementById("main");

  // Only for someone signed in: an anonymous page (signed out, link from an e-mail) must not start a worker that
  // would fill the caches again right after signing out.
  if (signedIn && "serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () { /* no worker: the pages work online */ });
  }

  function note(id, kind, text) {
    var p = document.getElementById(id);
    if (!p) {
      p = document.createElement("p");
      p.id = id;
      p.className = "notice " + kind;
      p.setAttribute("role", "status");
      p.tabIndex = -1;
      if (main) { main.insertBefore(p, main.firstChild); }
    }
    p.textContent = text;
    p.hidden = !text;
    return p;
  }

  var saved = document.documentElement.getAttribute("data-offline-copy");
  if (saved) {
    var when = new Date(saved);
    var shown = isNaN(when.getTime()) ? saved : when.toLocaleString(document.documentElement.lang || undefined, {
      day: "numeric", month: "short", hour: "2-digit", minute: "2-digit"
    });
    note("offline-copy", "info", words("offline-copy").replace("__", shown));
  }

  // The queue: one IndexedDB store of {key, fields, savedAt}, keyed by the Idempotency-Key.
  function open() {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error("no IndexedDB")); return; }
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: "key" }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function tx(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(result && "result" in result ? result.result : undefined); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }
  function waiting() { return tx("readonly", function (s) { return s.getAll(); }).then(function (l) { return l || []; }); }
  function put(entry) { return tx("readwrite", function (s) { s.put(entry); }); }
  function remove(key) { return tx("readwrite", function (s) { s.delete(key); }); }

  function newKey() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  function showWaiting() {
    if (!signedIn) { return Promise.resolve(); }
    return waiting().then(function (list) {
      var n = list.length;
      note("offline-waiting", "info", n === 0 ? "" : n === 1 ? words("waiting-one") : words("waiting-many").replace("__", n));
    }, function () { /* no IndexedDB: nothing can be waiting */ });
  }

  var form = document.getElementById("log-session");
  if (form) {
    var keyField = form.querySelector("input[name=idempotencyKey]");
    // An offline copy of the form carries the key of the day it was saved: this is a new session.
    if (saved && keyField) { keyField.value = newKey(); }
    form.addEventListener("submit", function (event) {
      if (navigator.onLine) {
        return; // the ordinary post; the page answers
      }
      event.preventDefault();
      queue();
    });
  }

  function queue() {
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") { fields.push([name, value]); }
    });
    var key = keyField ? keyField.value : "";
    return waiting().then(function (list) {
      if (!key || list.some(function (e) { return e.key === key; })) {
        key = newKey();
      }
      fields = fields.map(function (f) { return f[0] === "idempotencyKey" ? [f[0], key] : f; });
      return put({ key: key, fields: fields, savedAt: new Date().toISOString() });
    }).then(function () {
      // A second press must not queue the same session twice; logging another one takes a fresh form.
      Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) { b.disabled = true; });
      var flagged = form.querySelector("input[name=redFlagSymptoms]:checked");
      var p = note("offline-queued", "info", words("queued") + (flagged ? " " + words("queued-flag") : ""));
      showWaiting();
      p.focus();
    }, function () {
      note("offline-queued", "error", words("not-kept")).focus();
    });
  }

  // Sending: a fresh CSRF token from a page fetched now (the one kept with the form may be stale), then each waiting
  // session with its own key. Removed only when the portal says it was saved or refused for good (X-Session-Outcome);
  // a network error, a failure of the clinic or an ended session keeps it for the next try.
  var sending = false;
  function send() {
    if (!signedIn || sending || !navigator.onLine) { return Promise.resolve(); }
    sending = true;
    var sent = 0;
    var refused = 0;
    return waiting().then(function (list) {
      if (list.length === 0) { return null; }
      return fetch("/me/log", { credentials: "same-origin", redirect: "manual", cache: "no-store" })
        .then(function (answer) {
          if (!answer.ok) { throw new Error("not signed in"); }
          return answer.text();
        }).then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html");
          var csrf = fresh.querySelector("form[action$='/logout'] input[type=hidden]");
          if (!csrf) { throw new Error("no token"); }
          return list.reduce(function (previous, entry) {
            return previous.then(function () { return post(entry, csrf.name, csrf.value); }).then(function (outcome) {
              if (outcome === "saved") { sent++; return remove(entry.key); }
              if (outcome === "refused") { refused++; return remove(entry.key); }
              throw new Error("kept for later");
            });
          }, Promise.resolve());
        });
    }).catch(function () { /* kept: the next "online", page or try sends it */ }).then(function () {
      sending = false;
      if (sent > 0) { note("offline-sent", "info", sent === 1 ? words("sent-one") : words("sent-many").replace("__", sent)); }
      if (refused > 0) { note("offline-refused", "error", words("refused")); }
      return showWaiting();
    });
  }

  function post(entry, csrfName, csrfValue) {
    var body = new URLSearchParams();
    entry.fields.forEach(function (f) { body.append(f[0], f[0] === csrfName ? csrfValue : f[1]); });
    return fetch("/me/sessions", {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual"
    }).then(function (answer) {
      var outcome = answer.headers.get("X-Session-Outcome");
      return outcome === "saved" && !answer.ok ? "retry" : outcome || "retry";
    });
  }

  // Signing out: send what is waiting, then empty the offline copies and the queue before the post leaves, so the
  // next person on this phone finds nothing. Offline, signing out cannot reach the clinic: say so and keep all.
  function clearAll() {
    var jobs = [];
    if (window.caches) {
      jobs.push(caches.keys().then(function (names) {
        return Promise.all(names.map(function (n) { return caches.delete(n); }));
      }));
    }
    if ("serviceWorker" in navigator) {
      // The worker goes too (it would fill the shell cache again on the next page); the next sign-in registers it.
      jobs.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      }));
    }
    if (window.indexedDB) {
      jobs.push(new Promise(function (resolve) {
        var r = indexedDB.deleteDatabase(DB);
        r.onsuccess = r.onerror = r.onblocked = function () { resolve(); };
      }));
    }
    return Promise.all(jobs);
  }
  signOutForms.forEach(function (f) {
    var clearing = false;
    f.addEventListener("submit", function (event) {
      if (clearing) { return; }
      event.preventDefault();
      if (!navigator.onLine) {
        note("offline-sign-out", "error", words("sign-out-offline")).focus();
        return;
      }
      clearing = true;
      var done = function () { f.submit(); };
      // Never keep someone from signing out: after 5 s the post leaves whatever the clearing did.
      var timer = setTimeout(done, 5000);
      send().then(clearAll).then(function () { clearTimeout(timer); done(); }, function () { clearTimeout(timer); done(); });
    });
  });

  window.addEventListener("online", send);
  window.addEventListener("offline", showWaiting);
  if (signedIn) {
    showWaiting();
    send();
  }
})();
