/* 길잡이 checklists that remember.
 *
 * A reader ticks "신분증 준비" on a phone, leaves for the bank's site and comes back: the
 * ticks must still be there. They live in localStorage, one versioned key per guide,
 * as {item id: hash of the item's text}. A tick counts only while its hash matches the
 * page, so an item whose wording changed comes back unticked, a removed item is dropped,
 * and reordering changes nothing. Without JavaScript the list stays plain checkboxes.
 */
(() => {
  "use strict";

  const UNDO_MS = 10000;
  // The site's root path keeps two sites on one origin (project pages) apart.
  const ROOT = new URL("../..", document.currentScript.src).pathname;
  const TEXT = {
    progress: (done, all) => `${done} / ${all} 완료`,
    reset: "체크 모두 지우기",
    undo: "되돌리기",
    unavailable: "이 브라우저에서는 체크한 내용을 저장할 수 없어, 페이지를 떠나면 체크가 사라집니다.",
    corrupt: "저장된 체크 기록을 읽을 수 없어 처음부터 다시 체크합니다.",
  };

  const storageKey = (guide) => `giljabi.checklist.v1:${ROOT}:${guide}`;

  // Every storage call may throw (cookies blocked, private mode, quota), reading the
  // localStorage property included, and some WebViews set it to null.
  const load = (key) => {
    let raw;
    try {
      raw = localStorage.getItem(key);
    } catch {
      return [{}, "unavailable"];
    }
    if (raw === null) return [{}, ""];
    try {
      const data = JSON.parse(raw);
      if (data && typeof data === "object" && !Array.isArray(data)) return [data, ""];
    } catch {}
    return [{}, "corrupt"];
  };

  const save = (key, ticks) => {
    try {
      if (Object.keys(ticks).length) localStorage.setItem(key, JSON.stringify(ticks));
      else localStorage.removeItem(key);
      return true;
    } catch {
      return false;
    }
  };

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  };

  const bindGuide = (guide, sections) => {
    const key = storageKey(guide);
    const [saved, problem] = load(key);
    const ticks = {};
    const notices = [];
    const notify = (message) => {
      for (const notice of notices) {
        notice.textContent = message;
        notice.hidden = false;
      }
    };
    const persist = () => save(key, ticks) || notify(TEXT.unavailable);

    for (const section of sections) {
      const boxes = [...section.querySelectorAll("input.gj-check__input")];
      const progress = element("p", "gj-checklist__progress");
      progress.setAttribute("role", "status");
      const notice = element("p", "gj-checklist__notice");
      notice.hidden = true;
      notices.push(notice);
      const actions = element("div", "gj-checklist__actions");
      const reset = element("button", "gj-checklist__reset", TEXT.reset);
      const undo = element("button", "gj-checklist__undo", TEXT.undo);
      reset.type = undo.type = "button";
      undo.hidden = true;
      actions.append(reset, undo);

      for (const box of boxes) {
        const { gjItem: id, gjHash: hash } = box.dataset;
        // Unreadable storage: keep what the browser restored for this visit.
        if (problem !== "unavailable") box.checked = saved[id] === hash;
        if (box.checked) ticks[id] = hash;
      }

      const update = () => {
        progress.textContent = TEXT.progress(boxes.filter((box) => box.checked).length, boxes.length);
      };
      let previous = null;
      let timer = 0;
      const closeUndo = () => {
        clearTimeout(timer);
        previous = null;
        // Hiding a focused button would drop keyboard focus to the page's start.
        if (document.activeElement === undo) reset.focus();
        undo.hidden = true;
      };
      const apply = (box, checked) => {
        box.checked = checked;
        if (checked) ticks[box.dataset.gjItem] = box.dataset.gjHash;
        else delete ticks[box.dataset.gjItem];
      };

      section.addEventListener("change", (event) => {
        if (!boxes.includes(event.target)) return;
        apply(event.target, event.target.checked);
        closeUndo();
        persist();
        update();
      });
      reset.addEventListener("click", () => {
        const ticked = boxes.filter((box) => box.checked);
        closeUndo();
        if (!ticked.length) return;
        for (const box of ticked) apply(box, false);
        persist();
        update();
        previous = ticked;
        undo.hidden = false;
        // Never snatched from under a reader who has just moved to it.
        const expire = () => (document.activeElement === undo ? (timer = setTimeout(expire, UNDO_MS)) : closeUndo());
        timer = setTimeout(expire, UNDO_MS);
      });
      undo.addEventListener("click", () => {
        for (const box of previous || []) apply(box, true);
        closeUndo();
        persist();
        update();
      });
      // Filled before it joins the page, so screen readers announce changes, not the load.
      update();
      section.querySelector(".gj-checklist__title").after(progress, notice);
      section.append(actions);
    }

    if (problem) notify(TEXT[problem]);
    // Drop ticks of removed or reworded items (and a corrupt value) from storage.
    if (problem === "corrupt" || (!problem && Object.keys(saved).length !== Object.keys(ticks).length)) persist();
  };

  const mount = () => {
    const guides = new Map();
    for (const section of document.querySelectorAll(".gj-checklist[data-gj-guide]:not([data-gj-bound])")) {
      section.setAttribute("data-gj-bound", "");
      const list = guides.get(section.dataset.gjGuide) || [];
      guides.set(section.dataset.gjGuide, [...list, section]);
    }
    guides.forEach((sections, guide) => bindGuide(guide, sections));
  };

  // Instant navigation swaps pages without running this file again; document$ emits for each.
  if (window.document$) window.document$.subscribe(mount);
  else mount();
})();
