/* 길잡이's additions to Material's search box.
 *
 * 1. Text that arrives without keys. Material reads the box on key-up and focus only, but
 *    pasted, dictated or handwritten text (and some keyboards' Hangul) changes the box with
 *    no key-up, and the reader saw "검색어를 입력하세요" beside their words. On `input` and
 *    `compositionend` the box gets the key-up Material listens for.
 * 2. Notes above the results (search-worker.js sends them on the "giljabi-search" channel):
 *    which synonym also found them, which words of a long question were left out, what
 *    initial consonants were read as, and when nothing matched, the closest words the site
 *    knows and a link to the guide list, so an empty result is never a dead end.
 */
(() => {
  "use strict";

  // The home page lists every guide; this file is at <root>/assets/javascripts/.
  const HOME = new URL("../..", document.currentScript.src).href;
  let latest = null;

  const resend = (event) => {
    // Not bubbling: Material's window-wide key-up listener tells keyboard from mouse use.
    event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }));
  };

  const element = (tag, attributes, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  const bold = (text) => element("b", null, text);

  const searchFor = (box, words) => {
    box.value = words;
    box.focus();
    box.dispatchEvent(new Event("input"));
  };

  const choices = (box, label, words) =>
    element("p", { class: "gj-search-notes__choices" }, label, ...words.map((word) => {
      const button = element("button", { type: "button", class: "gj-search-notes__choice" }, word);
      button.addEventListener("click", () => searchFor(box, word));
      return button;
    }));

  const lines = (box, note) => {
    switch (note.kind) {
      case "initials":
        return [element("p", null, "초성 ", bold(note.typed), ": ", bold(note.word), "의 검색 결과입니다.")];
      case "synonym": {
        const [last, withParticle] = note.used[note.used.length - 1];
        const words = note.used.flatMap(([word], i) => (i ? [", ", bold(word)] : [bold(word)]));
        return [element("p", null, "같은 뜻의 말 ", ...words, withParticle.slice(last.length), " 찾았습니다.")];
      }
      case "left-out":
        return [element("p", null, "모든 낱말이 들어간 곳이 없어 다음 말은 빼고 찾았습니다: ", ...note.words.flatMap((word, i) => (i ? [", ", bold(word)] : [bold(word)])))];
      case "nothing":
        return [
          ...(note.words.length ? [choices(box, "비슷한 말로 찾기: ", note.words)] : []),
          ...(note.queries.length ? [choices(box, "이 말로만 찾기: ", note.queries)] : []),
          element("p", null, element("a", { href: HOME, class: "gj-search-notes__home" }, "안내서 목록 보기")),
        ];
      default:
        return [];
    }
  };

  const render = () => {
    const box = document.querySelector("input[data-md-component=search-query]");
    const result = document.querySelector("[data-md-component=search-result]");
    if (!box || !result) return;
    let holder = result.querySelector(".gj-search-notes");
    if (!holder) {
      holder = element("div", { class: "gj-search-notes", "aria-live": "polite" });
      result.firstElementChild.after(holder);
    }
    // Only the answer to what the box holds now; an older one is gone as soon as the text changes.
    const notes = latest && latest.query === box.value && box.value.trim() ? latest.notes : [];
    holder.replaceChildren(...notes.flatMap((note) => lines(box, note)));
    holder.hidden = !holder.childElementCount;
  };

  const mount = () => {
    const box = document.querySelector("input[data-md-component=search-query]");
    if (!box || box.hasAttribute("data-gj-bound")) return;
    box.setAttribute("data-gj-bound", "");
    box.addEventListener("input", resend);
    box.addEventListener("compositionend", resend);
    box.addEventListener("input", render);
    if (box.form) box.form.addEventListener("reset", () => setTimeout(render));
  };

  if (typeof BroadcastChannel === "function") {
    new BroadcastChannel("giljabi-search").addEventListener("message", ({ data }) => {
      latest = data;
      render();
    });
  }
  // The header, and the box in it, may be replaced by instant navigation; document$ emits for each page.
  if (window.document$) window.document$.subscribe(mount);
  else mount();
})();
