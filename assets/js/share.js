/*
 * "Copy link" among the share links (templates/partials/share.ftlh): copies the page's canonical
 * address, the one the other share links send. The button is `hidden` in the HTML and shown only
 * where the browser lets a page write to the clipboard (a secure context: https, localhost or a
 * file opened from disk); the status beside it tells screen readers what happened.
 */
(function () {
  "use strict";

  var canonical = document.querySelector("link[rel=canonical]");
  if (!canonical || !navigator.clipboard || !navigator.clipboard.writeText || !window.Promise) {
    return;
  }
  var address = canonical.href;
  Array.prototype.forEach.call(document.querySelectorAll(".share-copy"), function (item) {
    var button = item.querySelector("button");
    var status = item.querySelector(".share-copied");
    item.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = "";
      // Said a moment after the status is emptied, so that a second copy is announced again.
      navigator.clipboard.writeText(address).then(function () {
        window.setTimeout(function () { status.textContent = "Link copied"; }, 100);
      }, function () {
        window.setTimeout(function () { status.textContent = "Could not copy. The address is " + address; }, 100);
      });
    });
  });
})();
