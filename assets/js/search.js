/*
 * Site search without a server, from the index the build writes in search/ (see
 * src/main/java/org/explainers/bake/Search.java). Every index file is a script that calls back
 * into window.SEARCH, because a page opened from disk (file://) may load a script but not fetch
 * a file. A query loads index.js, one word file per query word and one file per result shown,
 * each file at most once; a query of several words, one of them in so many sections that its
 * list is cut to the best, also loads that word's set of every section it is in (b/). The form
 * is `hidden` in the HTML, so readers without JavaScript never see a control that cannot work.
 */
(function () {
  "use strict";

  var SHOWN = 10;     // results listed
  var FIRST = 4;      // results listed at once (about what the panel shows; section files are large)
  var DELAY = 120;    // ms of quiet typing before a query runs
  var PAUSE = 1000;   // ms of quiet typing before the other results load (or a move into the list)
  var BEFORE = 60;    // characters of a snippet before the first match
  var LENGTH = 180;   // characters of a snippet
  var WORDS = 10;     // query words used: a pasted paragraph must not load a hundred files

  var form = document.querySelector("form.search");
  var re;
  try { // Unicode classes as in Java; an older browser has none, and the form stays hidden
    re = { mark: new RegExp("\\p{Mn}", "gu"), word: new RegExp("[\\p{L}\\p{Nd}]+", "gu"), one: new RegExp("^[\\p{L}\\p{Nd}]", "u"),
      token: "[\\p{L}\\p{M}\\p{Nd}]+(?:[-\u2010\u2011][\\p{L}\\p{M}\\p{Nd}]+|,[0-9]{3}(?![\\p{L}\\p{M}\\p{Nd}]))*" };
  } catch (e) {
    return;
  }
  if (!form || !window.Promise || !"".normalize || !form.classList || !window.URLSearchParams) {
    return;
  }
  var input = form.querySelector("input[type=search]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = form.getAttribute("data-root") || "";
  var index = form.getAttribute("data-index") || "search/";
  // Scripts are loaded from here: only the site's root (../ steps, or its path from the host's root,
  // with no step up) and a plain folder name.
  var plainRoot = /^(\.\.\/)*$/.test(root) || /^\/([^\/?#\\"'<>\s]+\/)*$/.test(root) && root.split("/").every(function (step) {
    return step !== "." && step !== ".." && step.toLowerCase().indexOf("%2e") < 0;
  });
  if (!plainRoot || !/^[a-z0-9][a-z0-9-]*\/$/.test(index)) {
    return;
  }
  var folder = root + index;
  var loaded = {};    // path in the index folder -> the value its script handed over
  var loading = {};   // path -> Promise of that value: each file is requested once
  var matches = Object.create(null); // query word -> its sections, parsed once (no "constructor" from Object)
  var timer = 0;
  var latest = 0;     // number of the latest query: an older one never renders
  var shown = null;   // the query words that the list shows, or is about to
  var rest = null;    // lists the rest of the results, once typing pauses
  var eager = false;  // the rest was asked for at once (Enter, a move into the list), maybe before it could load
  var restTimer = 0;
  var typed = 0;      // time of the last keystroke

  var stale = false;  // a file of another build than the index came: the site was published again since it loaded

  /* The index files call these; each value is filed under the path of the file that calls, when it
     carries the index's stamp (the sections' numbers are that build's: another build's would list
     other sections). */
  function filed(path, value, stamp) {
    var index = loaded["index.js"];
    if (index && index.v === stamp) {
      loaded[path] = value;
    } else {
      stale = true;
    }
  }
  window.SEARCH = {
    index: function (value) {
      if (value && typeof value.words === "object") {
        loaded["index.js"] = value;
      }
    },
    words: function (key, value, stamp) { filed("t/" + fileName(key) + ".js", value, stamp); },
    bits: function (key, value, stamp) { filed("b/" + fileName(key) + ".js", value, stamp); },
    prefix: function (key, value, stamp) { filed("p/" + fileName(key) + ".js", value, stamp); },
    doc: function (n, value, stamp) { filed("d/" + n + ".js", value, stamp); }
  };

  /* Letters no decomposition takes to Latin ones, as Text.LETTERS folds them: "lodz" finds Łódź. */
  var LETTERS = { "\u00e6": "ae", "\u0153": "oe", "\u00f8": "o", "\u0142": "l", "\u0111": "d", "\u00f0": "d", "\u00fe": "th", "\u00df": "ss", "\u0127": "h", "\u0131": "i", "\u0167": "t" };

  /* Words as Text.words finds them: no soft hyphen or zero-width character, compatibility decomposition, no accents, lower case, the
     letters above, then runs of letters and digits (Java's are of UTF-16 units: a surrogate ends a word); runs joined by a hyphen
     ("co-operation") or digits grouped by commas ("2,000") count as one word too, after their parts. A query takes only that one
     word ("co-op" is "coop", which finds "co-operation" and "cooperation"). */
  function words(text, query) {
    var folded = String(text).replace(/[\u00ad\u200b-\u200d\u2060]/g, "").normalize("NFKD").replace(re.mark, "").toLowerCase()
        .replace(/[\u00e6\u0153\u00f8\u0142\u0111\u00f0\u00fe\u00df\u0127\u0131\u0167]/g, function (c) { return LETTERS[c]; })
        .replace(/[\ud800-\udfff]/g, " ");
    var found = [];
    var parts = [];
    var run = new RegExp(re.word.source, "gu");
    var m;
    while ((m = run.exec(folded))) {
      var end = m.index + m[0].length;
      parts.push(m[0]);
      var next = folded.slice(end, end + 5);
      var joins = /^[-\u2010\u2011]/.test(next) && re.one.test(next.charAt(1)) ||
          /^[0-9]+$/.test(m[0]) && /^,[0-9]{3}/.test(next) && !re.one.test(next.charAt(4));
      if (!joins) {
        found.push.apply(found, query && parts.length > 1 ? [] : parts);
        if (parts.length > 1) {
          found.push(parts.join(""));
        }
        parts = [];
      }
    }
    return found;
  }

  /* The words of the query that count: two letters or more, each once, the first 40 letters of a
     longer one (as the index keeps it: Text.MAX_WORD). */
  function queryWords() {
    return words(input.value, true).map(function (w) { return w.slice(0, 40); }).filter(function (w, i, all) {
      return w.length >= 2 && all.indexOf(w) === i;
    }).slice(0, WORDS);
  }

  /* As Search.fileName: ASCII letters and digits as they are, other characters as _hex_, and a
     final _ after a name Windows keeps for a device. */
  function fileName(key) {
    var name = String(key).replace(/[^a-z0-9]/gi, function (c) {
      return "_" + c.charCodeAt(0).toString(16) + "_";
    });
    return /^(con|aux|nul|prn)$/i.test(name) ? name + "_" : name;
  }

  /* Only paths inside the site: no scheme (javascript:), no leading /, no .. segment, no
     backslash, space or control character (browsers read some of them as / or drop them). */
  function safePath(u) {
    return typeof u === "string" && !/^([a-z][a-z0-9+.\-]*:|\/)|(^|\/)(\.|%2e){2}([\/?#]|$)|[\x00-\x20\\]/i.test(u);
  }

  /* Loads an index file with a <script> element; resolves with the value its call handed over. */
  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = folder + path;
        script.onload = script.onerror = function () {
          document.head.removeChild(script);
          if (loaded.hasOwnProperty(path)) {
            resolve(loaded[path]);
          } else {
            delete loading[path]; // the next query tries again
            reject(new Error("cannot load " + script.src));
          }
        };
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }

  /* The file that lists a query word's sections: p/<ab>.js for two letters, t/<abc>.js for more;
     null when index.js lists none (then nothing matches). */
  function fileFor(word) {
    var thirds = loaded["index.js"].words[word.slice(0, 2)];
    return typeof thirds !== "string" ? null : word.length === 2 ? "p/" + fileName(word) + ".js"
        : thirds.indexOf(word.charAt(2)) < 0 ? null : "t/" + fileName(word.slice(0, 3)) + ".js";
  }

  /* The sections of a query word, {docs: {number: fields}, size, capped, count, cut, bits}: a prefix
     file's list, or the lists of all words of a t/ file that start with the query word, joined; cut
     names those of its words whose lists are cut to the best, and their b/ file (see complete). */
  function sections(word) {
    return matches[word] ? Promise.resolve(matches[word]) : load("index.js").then(function () {
      var path = fileFor(word);
      return path ? load(path).then(function (found) { return { path: path, found: found }; }) : { found: "" };
    }).then(function (file) {
      var found = file.found;
      var names = typeof found === "string" ? [] : Object.keys(found).filter(function (w) {
        return w.lastIndexOf(word, 0) === 0;
      });
      var result = parse(typeof found === "string" ? [found] : names.map(function (w) { return found[w]; }));
      result.cut = names.filter(function (w) { return String(found[w]).indexOf("~") >= 0; });
      result.sets = result.cut.length ? "b/" + file.path.slice(2) : null;
      return (matches[word] = result);
    });
  }

  /* Loads the sets of the query words whose lists are cut (found[i].bits: a binary string, bit n
     of it section n), so that every section with all the words is found and counted, not only
     those in the lists' best. A two-letter word's list has no set: it stays cut. */
  function complete(found) {
    return Promise.all(found.map(function (f) {
      return f.bits || !f.sets ? null : load(f.sets).then(function (sets) {
        f.bits = f.cut.map(function (w) {
          try {
            return atob(String(sets[w] || ""));
          } catch (e) {
            return ""; // a damaged set: the list's best stand
          }
        });
      });
    }));
  }

  /* Whether a query's counts and lists are whole: no list cut without its set. */
  function whole(found) {
    return found.every(function (f) { return !f.capped || f.bits; });
  }

  /* Postings: "<gap from the previous section, base 36><fields 1-7>,..." with fields 4 title,
     2 summary, 1 text, and for a list cut to the best, "~<sections with the word, base 36>". A
     section in several lists keeps all its fields; most is the most sections one list counts. */
  function parse(lists) {
    var result = { docs: {}, size: 0, capped: false, most: 0, count: null };
    lists.forEach(function (postings) {
      var entries = postings ? String(postings).split(",") : [];
      var n = 0;
      result.most = Math.max(result.most, entries.length);
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].charAt(0) === "~") {
          result.capped = true;
          result.most = Math.max(result.most, parseInt(entries[i].slice(1), 36) || 0);
          continue;
        }
        n += parseInt(entries[i].slice(0, -1), 36);
        var fields = entries[i].charCodeAt(entries[i].length - 1) - 48;
        if (!(n >= 0 && fields >= 1 && fields <= 7)) {
          break; // a damaged list: keep what came before
        }
        result.size += result.docs[n] ? 0 : 1;
        result.docs[n] |= fields;
      }
    });
    // How many sections have the word: the list's own length, or for one list cut to its best the number it ends with.
    result.count = !result.capped ? result.size : lists.length === 1 ? result.most : null;
    return result;
  }

  /* The fields a section has a query word in (a section only in the word's set: its text, as far
     as the list's best tell), or 0. */
  function fields(f, n) {
    return f.docs[n] ? f.docs[n] & 7 : f.bits && f.bits.some(function (b) { return (b.charCodeAt(n >> 3) >> (n & 7)) & 1; }) ? 1 : 0;
  }

  /* The sections that match every word, best first: the weights of the fields each word is in
     (title 4, summary 2, text 1: a title outweighs the other two together) summed over the
     words, then reading order. The sections looked at are the shortest list's, or, when every
     word has its set, all of them. */
  function rank(found) {
    var lists = found.filter(function (f) { return !f.bits; }).sort(function (a, b) { return a.size - b.size; });
    var numbers = lists.length ? Object.keys(lists[0].docs) : [];
    for (var all = lists.length ? 0 : loaded["index.js"].docs, k = 0; k < all; k++) {
      numbers.push(k);
    }
    var hits = [];
    numbers.forEach(function (n) {
      var score = 0;
      for (var i = 0; i < found.length && score >= 0; i++) {
        var f = fields(found[i], +n);
        score = !f ? -1 : score + f;
      }
      if (score >= 0) {
        hits.push({ n: +n, score: score });
      }
    });
    return hits.sort(function (a, b) { return b.score - a.score || a.n - b.n; });
  }

  /* The query words to highlight: not those in more than half the sections ("the", "and": they
     tell the results apart no more than BM25's weighting says), which would mark half of every
     snippet; all of them when the query has no other. */
  function telling(query, found) {
    var docs = loaded["index.js"].docs;
    var few = query.filter(function (w, i) {
      return !(Math.max(found[i].size, found[i].most) * 2 > docs);
    });
    return few.length ? few : query;
  }

  /* Whether a token of text holds a word that starts with a query word. */
  function isMatch(token, query) {
    return words(token).some(function (w) {
      return query.some(function (q) { return w.lastIndexOf(q, 0) === 0; });
    });
  }

  /* Calls back with each token of a text that matches the query, until it returns true. */
  function eachMatch(text, query, callback) {
    var token = new RegExp(re.token, "gu");
    var m;
    while ((m = token.exec(text))) {
      if (isMatch(m[0], query) && callback(m.index, m[0])) {
        return;
      }
    }
  }

  /* Appends text to an element, with the tokens that match the query in <mark>. */
  function highlight(parent, text, query) {
    var from = 0;
    eachMatch(text, query, function (at, token) {
      parent.appendChild(document.createTextNode(text.slice(from, at)));
      parent.appendChild(document.createElement("mark")).textContent = token;
      from = at + token.length;
    });
    parent.appendChild(document.createTextNode(text.slice(from)));
  }

  /* Some text around the first match in the section's text, else in its summary, else in what
     it was found through (its topics; an explainer's standfirst and byline), cut at spaces. That
     line's parts ("Topics: …", "By …") are shown one at a time, the one with the match, and a
     part cut before its match keeps its label ("Topics: … Energy, …"). */
  function snippet(doc, query) {
    var text = String(doc.s || doc.x || "");
    var at = -1;
    var label = "";
    [String(doc.x || ""), String(doc.s || ""), String(doc.m || "")].some(function (t) {
      eachMatch(t, query, function (i) { at = i; return true; });
      text = at >= 0 ? t : text;
      return at >= 0;
    });
    if (at >= 0 && text === String(doc.m || "")) {
      var from = text.lastIndexOf(" · ", at);
      from = from < 0 ? 0 : from + 3;
      var to = text.indexOf(" · ", at);
      text = text.slice(from, to < 0 ? text.length : to);
      at -= from;
      var colon = text.indexOf(": ");
      label = at > BEFORE && colon > 0 && colon < 20 ? text.slice(0, colon + 2) : "";
    }
    var space = text.indexOf(" ", at - BEFORE);
    var start = at <= BEFORE ? 0 : space >= 0 && space < at ? space + 1 : at;
    var end = Math.min(text.length, start + LENGTH);
    space = end < text.length ? text.lastIndexOf(" ", end) : -1;
    end = space > at ? space : end;
    return label + (start > 0 ? "…" : "") + text.slice(start, end).trim() + (end < text.length ? "…" : "");
  }

  /* Appends one result per section: its title as a link, its article and a snippet. */
  function append(docs, query) {
    docs.forEach(function (doc) {
      if (!doc || !safePath(doc.u)) {
        return; // never a link to anywhere but the site
      }
      var li = document.createElement("li");
      var a = li.appendChild(document.createElement("a"));
      a.href = root + doc.u;
      highlight(a, String(doc.t || doc.u), query);
      if (doc.a) {
        li.appendChild(document.createElement("span")).className = "search-result-article";
        highlight(li.lastChild, String(doc.a), query);
      }
      li.appendChild(document.createElement("span")).className = "search-result-snippet";
      highlight(li.lastChild, snippet(doc, query), query);
      list.appendChild(li);
    });
  }

  /* The button under the list that lists the next SHOWN results, while there are more. */
  var moreButton = document.createElement("button");
  moreButton.type = "button";
  moreButton.className = "search-more";
  moreButton.hidden = true;
  list.parentNode.appendChild(moreButton);
  var more = null;
  moreButton.addEventListener("click", function () {
    if (more) {
      more();
    }
  });

  /* Offers the results after the first `listed` of a query's hits, SHOWN at a time; keyboard users go on at the first new one.
     `grow`, when the hits are a cut list's best and more sections have the word, gives all of them (after these, in order). */
  function offer(number, hits, listed, count, total, query, grow) {
    more = null;
    moreButton.hidden = listed >= hits.length && !(grow && listed < count);
    if (moreButton.hidden) {
      return;
    }
    moreButton.textContent = "Show " + Math.min(SHOWN, (listed < hits.length ? hits.length : count) - listed) + " more";
    more = function () {
      var next = null;
      more = null;
      window.clearTimeout(restTimer);
      // The first page's own rest, if it is still to come, goes first.
      Promise.resolve(rest ? rest() : null).then(function () {
        return listed < hits.length || !grow ? null : grow().then(function (all) { hits = all; grow = null; });
      }).then(function () {
        next = hits.slice(listed, listed + SHOWN);
        return loadDocs(next);
      }).then(function (docs) {
        if (number !== latest) {
          return;
        }
        var first = list.children.length;
        append(docs, query);
        listed += next.length;
        status.textContent = (listed < count ? listed + " of " + total : total) + " matching sections:";
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) {
          link.focus();
        }
        offer(number, hits, listed, count, total, query, grow);
      }).catch(fail(number));
    };
  }

  /* Replaces the list with these results (or none), and says how many match. */
  function show(message, docs, query) {
    more = null;
    moreButton.hidden = true;
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    append(docs || [], query);
    if (status.textContent !== message) {
      status.textContent = message;
    }
  }

  function loadDocs(hits) {
    return Promise.all(hits.map(function (hit) { return load("d/" + hit.n + ".js"); }));
  }

  /* Lists the rest of the results when typing has paused for PAUSE ms (at once if now). */
  function later(now) {
    window.clearTimeout(restTimer);
    eager = eager || !!now;
    if (rest) {
      restTimer = window.setTimeout(rest, eager ? 0 : Math.max(0, typed + PAUSE - Date.now()));
    }
  }

  /* Runs the query in the box unless the list shows it already; only the latest query renders.
     The first results list as soon as their files are in (with any others already loaded). */
  function run(now) {
    window.clearTimeout(timer);
    var query = queryWords();
    if (query.length && query.join(" ") === shown) {
      return later(now);
    }
    var number = ++latest;
    var text = input.value.trim();
    shown = query.join(" ");
    address(query.length ? text : "");
    rest = null;
    eager = !!now;
    if (!query.length) {
      return show(text ? "Type at least two letters or digits." : "");
    }
    var found;
    Promise.all(query.map(sections)).then(function (all) {
      found = all;
      // Several words, one with its list cut: its set, so that no section with every word is missed. One word: its list's
      // count is exact, and its set comes when the reader asks past its best (as it does for a word's prefix that joins several cut lists).
      return query.length > 1 || found[0].count === null ? complete(found) : null;
    }).then(function () {
      var hits = rank(found);
      var marked = telling(query, found);
      var top = hits.slice(0, SHOWN);
      var first = 0;
      while (first < top.length && (now || first < FIRST || loaded["d/" + top[first].n + ".js"])) {
        first++;
      }
      var exact = whole(found) ? hits.length : found.length === 1 && found[0].count !== null ? found[0].count : null;
      var count = exact === null ? hits.length : exact;
      var total = (exact === null ? "about " : "") + String(count).replace(/\B(?=(\d{3})+$)/g, ",");
      var grow = !found.some(function (f) { return f.sets && !f.bits; }) ? null : function () {
        return complete(found).then(function () { return rank(found); });
      };
      return number === latest && loadDocs(top.slice(0, first)).then(function (docs) {
        if (number !== latest) {
          return;
        }
        show(!hits.length ? "No sections match “" + text + "”."
            : count > top.length ? top.length + " of " + total + " matching sections:"
            : total + (count === 1 ? " matching section:" : " matching sections:"), docs, marked);
        offer(number, hits, top.length, count, total, marked, grow);
        var restListed = false; // once: a pause's timer and "Show more" may both ask
        rest = first < top.length && function () {
          rest = null;
          if (restListed) {
            return Promise.resolve();
          }
          restListed = true;
          return loadDocs(top.slice(first)).then(function (more) {
            return number === latest && append(more, marked);
          }).catch(fail(number));
        };
        later(now);
      });
    }).catch(fail(number));
  }

  function fail(number) {
    return function () {
      if (number === latest) {
        shown = null;
        show(stale ? "The site has been updated since this page was opened: reload the page to search it." : "Search is not available right now.");
      }
    };
  }

  /* The address carries the query (?q=) while the results are open, so that a search can be linked,
     bookmarked or shared, and Back from a result comes to the results again. A browser may refuse
     a new address for a page opened from disk: the search works the same without it. */
  function address(text) {
    var params = new URLSearchParams(window.location.search);
    if ((params.get("q") || "") === text) {
      return;
    }
    if (text) {
      params.set("q", text);
    } else {
      params.delete("q");
    }
    var search = params.toString();
    try {
      window.history.replaceState(window.history.state, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    } catch (e) {
      // a page from disk in some browsers
    }
  }

  form.hidden = false;
  list.parentNode.tabIndex = -1; // a click on a snippet keeps focus, and the results, in the form
  input.addEventListener("focus", function () {
    load("index.js").catch(function () {}); // ready for the first word; a failure shows on use
  });
  /* Typing waits for a pause, but the t/ files of words of three letters or more are needed
     whatever letters follow: they load at once. */
  input.addEventListener("input", function () {
    typed = Date.now();
    window.clearTimeout(restTimer);
    window.clearTimeout(timer);
    timer = window.setTimeout(run, DELAY);
    (loaded["index.js"] ? queryWords() : []).forEach(function (w) {
      var path = w.length > 2 && fileFor(w);
      return path && load(path).catch(function () {});
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run(true);
  });
  /* The results close when focus leaves the search, and come back with it; moving into the list
     (by keyboard or by scrolling it) lists the other results at once. */
  form.addEventListener("focusin", function (event) {
    form.classList.remove("is-closed");
    address(queryWords().length ? input.value.trim() : "");
    if (event.target !== input) {
      later(true);
    }
  });
  list.addEventListener("scroll", function () {
    later(true);
  });
  form.addEventListener("focusout", function (event) {
    if (!event.relatedTarget || !form.contains(event.relatedTarget)) {
      form.classList.add("is-closed");
      address(""); // the page's own address again, to copy or share, until the search is back
    }
  });
  /* A linked search (?q=) runs as the page opens, all its results at once. With a #place, the
     browser's landing there moves focus to it (or to the page) once the page has loaded, which
     would close the search and drop ?q=: the box takes focus after that, without scrolling. */
  var linked = (new URLSearchParams(window.location.search).get("q") || "").slice(0, 100);
  if (linked.trim()) {
    input.value = linked;
    var focus = function () {
      var at = document.activeElement;
      if (!at || at === document.body || at === document.querySelector(":target")) { // not where the reader has gone since
        input.focus({ preventScroll: true });
      }
    };
    if (window.location.hash && document.readyState !== "complete") {
      window.addEventListener("load", function () { window.setTimeout(focus, 0); });
    } else {
      focus();
    }
    run(true);
  }
  /* Arrows move from the box through the result links and back. Escape in the results goes back
     to the box, the query and its results kept (a reader's trial: they were wiped); in the box,
     it clears the search. */
  form.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape" && event.target !== input) {
      event.preventDefault();
      input.focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.value = "";
      run();
      input.focus();
    } else if (event.key === "ArrowDown" && links.length && (at >= 0 || event.target === input)) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault();
      (at > 0 ? links[at - 1] : input).focus();
    }
  });
})();
