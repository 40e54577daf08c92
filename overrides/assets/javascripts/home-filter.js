/* The home page's filter box: the guides whose title, task or institution hold every word typed.
 *
 * Korean-aware: text and query are compared as letters (jamo), spaces removed, so "발그" (a
 * syllable still being typed) finds 발급, "금융인증서" finds "금융 인증서", and a query of
 * consonants only (ㄱㅁㅇㅈㅅ) matches the words' first consonants (초성). Without JavaScript the
 * box stays hidden and the page is the grouped list (generator/page/templates/home.md.j2).
 */
(() => {
  "use strict";

  const SHOWN = 30;
  const CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
  const JUNG = "ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅗㅏ ㅗㅐ ㅗㅣ ㅛ ㅜ ㅜㅓ ㅜㅔ ㅜㅣ ㅠ ㅡ ㅡㅣ ㅣ".split(" ");
  const JONG = " ㄱ ㄲ ㄱㅅ ㄴ ㄴㅈ ㄴㅎ ㄷ ㄹ ㄹㄱ ㄹㅁ ㄹㅂ ㄹㅅ ㄹㅌ ㄹㅍ ㄹㅎ ㅁ ㅂ ㅂㅅ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ".split(" ");
  const CONSONANTS = /^[ㄱ-ㅎ]+$/;

  // Syllables to letters (compound vowels and final clusters split, as a keyboard types them).
  const letters = (text) =>
    Array.from(text.toLowerCase().replace(/\s+/g, ""), (ch) => {
      const code = ch.charCodeAt(0) - 0xac00;
      if (code < 0 || code > 11171) return ch;
      return CHO[Math.floor(code / 588)] + JUNG[Math.floor((code % 588) / 28)] + JONG[code % 28];
    }).join("");
  const initials = (text) =>
    Array.from(text.replace(/\s+/g, ""), (ch) => {
      const code = ch.charCodeAt(0) - 0xac00;
      return code < 0 || code > 11171 ? ch : CHO[Math.floor(code / 588)];
    }).join("");

  const mount = () => {
    const box = document.querySelector(".gj-filter");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    const input = box.querySelector("input");
    const status = box.querySelector(".gj-filter__status");
    const results = box.querySelector(".gj-filter__results");
    const groups = document.querySelectorAll(".gj-groups");

    // Every guide once, searchable by its title and the names of the groups it is in.
    const guides = new Map();
    document.querySelectorAll(".gj-group").forEach((group) => {
      const name = group.querySelector("summary").firstChild.textContent;
      group.querySelectorAll("li a").forEach((link) => {
        const guide = guides.get(link.getAttribute("href")) || { link, text: link.textContent };
        guide.text += " " + name;
        guides.set(link.getAttribute("href"), guide);
      });
    });
    guides.forEach((guide) => {
      guide.letters = letters(guide.text);
      guide.initials = initials(guide.text);
    });

    const matches = (guide, word) =>
      guide.letters.includes(letters(word)) || (CONSONANTS.test(word) && guide.initials.includes(word));

    const update = () => {
      const words = input.value.trim().split(/\s+/).filter(Boolean);
      groups.forEach((section) => (section.hidden = words.length > 0));
      results.replaceChildren();
      if (!words.length) {
        status.textContent = "";
        return;
      }
      const found = [...guides.values()].filter((guide) => words.every((word) => matches(guide, word)));
      for (const guide of found.slice(0, SHOWN)) {
        const item = document.createElement("li");
        item.append(guide.link.cloneNode(true));
        results.append(item);
      }
      status.textContent = !found.length
        ? "맞는 안내서가 없습니다. 낱말을 줄이거나 다르게 적어 보세요."
        : found.length > SHOWN
          ? `안내서 ${found.length}개 중 ${SHOWN}개를 보여 드립니다. 낱말을 더 적으면 줄어듭니다.`
          : `안내서 ${found.length}개`;
    };

    input.addEventListener("input", update);
    // On a phone the keyboard covers the lower half: bring the box and its results up.
    input.addEventListener("focus", () => {
      if (input.getBoundingClientRect().top > window.innerHeight / 3) box.scrollIntoView({ block: "start" });
    });
    box.hidden = false;
    if (input.value) update(); // a value the browser restored
  };

  // Instant navigation swaps the page without reloading this script; document$ emits each time.
  if (window.document$) window.document$.subscribe(mount);
  else mount();
})();
