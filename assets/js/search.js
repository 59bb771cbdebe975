/*
 * Site search without a server. The form is `hidden` in the HTML, so readers without
 * JavaScript never see a control that cannot work. On first use this script loads
 * search-index.js (window.SEARCH_INDEX, written at build time) with a <script> element, which
 * also works for pages opened from disk (file://), where fetch() and XHR are blocked.
 * Entries: {t: title, u: url from the site root, s: summary, a: article title, k: topic names,
 * x: plain text}. A result matches when every word of the query occurs in t, s, k or x,
 * ignoring case and accents.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 20;
  var form = document.querySelector("form.search");
  if (!form || !document.createElement("div").classList) {
    return;
  }
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = form.getAttribute("data-root") || document.documentElement.getAttribute("data-root") || "";
  var index = null;
  var loading = false;
  var timer = 0;
  var shownQuery = null;

  /* Lower case without accents: "Zelenskyy’s" and "ZELENSKYY" compare equal. */
  function fold(text) {
    var s = String(text || "").toLowerCase();
    return s.normalize ? s.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : s;
  }

  /* Only site-relative paths: never a scheme (javascript:, http:) or a protocol-relative URL. */
  function safePath(u) {
    return typeof u === "string" && !/^([a-z][a-z0-9+.\-]*:|\/)/i.test(u);
  }

  function load() {
    if (index || loading) {
      return;
    }
    loading = true;
    if (input.value.trim()) {
      status.textContent = "Loading the search index…";
    }
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.onload = function () {
      var raw = window.SEARCH_INDEX || [];
      index = [];
      for (var i = 0; i < raw.length; i++) {
        var e = raw[i];
        if (e && safePath(e.u)) {
          index.push({ e: e, title: fold(e.t), text: fold([e.t, e.s, e.k, e.x].join(" ")) });
        }
      }
      schedule();
    };
    script.onerror = function () {
      loading = false;
      status.textContent = "Search is not available right now.";
    };
    document.head.appendChild(script);
  }

  function clear() {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
  }

  /* Results are drawn once the typing pauses, and only when the query changed. */
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 150);
  }

  function run() {
    var query = input.value.trim();
    if (!index || fold(query) === shownQuery) {
      return;
    }
    shownQuery = fold(query);
    var words = shownQuery.split(/\s+/).filter(function (w) { return w.length > 0; });
    clear();
    if (!words.length) {
      status.textContent = "";
      return;
    }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var item = index[i];
      var inTitle = 0;
      var all = true;
      for (var j = 0; j < words.length; j++) {
        if (item.text.indexOf(words[j]) < 0) {
          all = false;
          break;
        }
        if (item.title.indexOf(words[j]) >= 0) {
          inTitle++;
        }
      }
      if (all) {
        hits.push({ item: item, score: inTitle, order: i });
      }
    }
    /* Title matches first, otherwise the index order (reading order). */
    hits.sort(function (a, b) { return (b.score - a.score) || (a.order - b.order); });
    var shown = hits.slice(0, MAX_RESULTS);
    for (var k = 0; k < shown.length; k++) {
      var e = shown[k].item.e;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + e.u;
      a.textContent = e.t;
      li.appendChild(a);
      if (e.a) {
        var where = document.createElement("span");
        where.className = "search-result-article";
        where.textContent = e.a;
        li.appendChild(where);
      }
      list.appendChild(li);
    }
    if (!hits.length) {
      status.textContent = "No sections match “" + query + "”.";
    } else if (hits.length > shown.length) {
      status.textContent = "The first " + shown.length + " of " + hits.length + " matching sections:";
    } else {
      status.textContent = hits.length + (hits.length === 1 ? " matching section:" : " matching sections:");
    }
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load();
    window.clearTimeout(timer);
    run();
  });
  input.addEventListener("focus", load);
  /* The results close when focus leaves the search, and come back with it. */
  form.addEventListener("focusin", function () {
    form.classList.remove("is-closed");
  });
  form.addEventListener("focusout", function (event) {
    if (!event.relatedTarget || !form.contains(event.relatedTarget)) {
      form.classList.add("is-closed");
    }
  });
  input.addEventListener("input", function () {
    load();
    schedule();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      input.value = "";
      window.clearTimeout(timer);
      run();
    }
  });
})();
