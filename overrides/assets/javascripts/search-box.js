/* 길잡이's additions to Material's search box.
 *
 * 1. Text that arrives without keys. Material reads the box on key-up and focus only, but
 *    pasted, dictated or handwritten text (and some keyboards' Hangul) changes the box with
 *    no key-up, and the reader saw "검색어를 입력하세요" beside their words. On `input` and
 *    `compositionend` the box gets the key-up Material listens for.
 * 2. Notes about a result (search-worker.js sends them on the "giljabi-search" channel):
 *    which synonym also found it, which words of a long question were left out, and when
 *    nothing matched, the closest words the site knows and a link to the guide list.
 */
(() => {
  "use strict";

  const resend = (event) => {
    // Not bubbling: Material's window-wide key-up listener tells keyboard from mouse use.
    event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }));
  };

  const mount = () => {
    const box = document.querySelector("input[data-md-component=search-query]");
    if (!box || box.hasAttribute("data-gj-bound")) return;
    box.setAttribute("data-gj-bound", "");
    box.addEventListener("input", resend);
    box.addEventListener("compositionend", resend);
  };

  // The header, and the box in it, may be replaced by instant navigation; document$ emits for each page.
  if (window.document$) window.document$.subscribe(mount);
  else mount();
})();
