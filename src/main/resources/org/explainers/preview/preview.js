/*
 * The preview's part of each page (never in the published site): it listens to the preview's
 * event stream, reloads the page when a save changed it (or a stylesheet, script or image every
 * page uses), and when the build fails shows the
 * problems over the page, as file:line: what (fix), until they are fixed; what the site's own
 * build would refuse (a link to a draft) it shows the same way, in amber.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var since = me ? me.getAttribute("data-since") : "0";
  var page = decodeURI(location.pathname).replace(/\/$/, "/index.html");
  var panel = null;

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function hide() {
    if (panel) {
      panel.parentNode.removeChild(panel);
      panel = null;
    }
  }

  /* A panel over the page. role=alert: screen readers announce it as it appears. Styled
     through the CSSOM, which the pages' security policy allows (style attributes it does not). */
  function show(problems, count, notice) {
    hide();
    panel = el("section");
    panel.id = "preview-problems";
    panel.setAttribute("role", notice ? "status" : "alert");
    panel.setAttribute("aria-labelledby", "preview-problems-title");
    var s = panel.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
    s.maxHeight = "60vh"; s.overflow = "auto"; s.margin = "0"; s.padding = "1rem 1.25rem";
    s.background = "#1b1b1b"; s.color = "#f5f5f5"; s.font = "15px/1.45 system-ui, sans-serif";
    s.borderTop = "4px solid " + (notice ? "#e5a000" : "#d83933"); s.boxShadow = "0 -4px 16px rgba(0,0,0,.35)";
    var h = el("h2", notice ? "The site's build would refuse " + (count === 1 ? "1 thing" : count + " things") + " the preview shows"
        : count === 1 ? "The preview could not be updated: 1 problem" : "The preview could not be updated: " + count + " problems");
    h.id = "preview-problems-title";
    h.style.margin = "0 0 .5rem"; h.style.fontSize = "1.1rem"; h.style.color = notice ? "#ffd27a" : "#ffbdbb";
    panel.appendChild(h);
    var p = el("p", notice ? "The preview shows drafts and scheduled pieces; the site leaves them out, and checks renamed files against Git."
        + " Fix these before the pull request; this message goes away by itself."
        : "The page below is the last good version. Fix these and save; this message goes away by itself.");
    p.style.margin = "0 0 .75rem";
    panel.appendChild(p);
    var list = el("ul");
    list.style.margin = "0"; list.style.paddingLeft = "1.25rem";
    problems.forEach(function (problem) {
      var li = el("li");
      li.style.marginBottom = ".4rem";
      var where = el("code", problem.file + (problem.line > 0 ? ":" + problem.line : ""));
      where.style.color = "#9fd3ff";
      li.appendChild(where);
      li.appendChild(document.createTextNode(": " + problem.message + " "));
      var fix = el("span", "(" + problem.fix + ")");
      fix.style.color = "#d6d6d6";
      li.appendChild(fix);
      list.appendChild(li);
    });
    panel.appendChild(list);
    var close = el("button", "Hide");
    close.type = "button";
    close.style.marginTop = ".5rem"; close.style.font = "inherit"; close.style.padding = ".25rem .75rem";
    close.addEventListener("click", hide);
    panel.appendChild(close);
    document.body.appendChild(panel);
  }

  var source = new EventSource("/__preview/events?since=" + encodeURIComponent(since) + "&page=" + encodeURIComponent(page));
  source.onmessage = function (event) {
    var m = JSON.parse(event.data);
    if (m.problems) {
      show(m.problems, m.count);
    } else if (m.ok) {
      if (m.all || m.changed.indexOf(page) >= 0 || document.title === "The preview could not be updated") {
        location.reload();
      } else if (m.notices && m.notices.length) {
        show(m.notices, m.notices.length, true);
      } else {
        hide();
      }
    }
  };
})();
