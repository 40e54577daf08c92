/* 길잡이 checklists that remember.
 *
 * Ticks live in localStorage, one versioned key per guide, as {item id: hash of the item's
 * text}, so they survive leaving for the bank's site. A tick counts only while its hash
 * matches the page: a reworded item comes back unticked (the reader is told once), a
 * removed one is dropped. Every open tab of a guide shares that record: a change is merged
 * into what is stored, and the storage event shows it in the other tabs.
 * Without JavaScript the list stays plain checkboxes.
 */
(() => {
  "use strict";

  // The site's root path keeps two sites on one origin (project pages) apart.
  const ROOT = new URL("../..", document.currentScript.src).pathname;
  const TEXT = {
    progress: (done, all) => `${done} / ${all} 완료`,
    reset: "체크 모두 지우기",
    undo: "되돌리기",
    cleared: (count) => `체크 ${count}개를 지웠습니다.`,
    reworded: (count) => `안내서가 고쳐져, 내용이 바뀐 항목 ${count}개는 체크를 풀었습니다. 다시 읽고 체크해 주세요.`,
    changed: "내용이 바뀐 항목입니다.",
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
    const boxes = sections.flatMap((section) => [...section.querySelectorAll("input.gj-check__input")]);
    const views = [];
    const notify = (message) => {
      for (const view of views) view.tell(message);
    };
    const show = (ticks) => {
      for (const box of boxes) box.checked = ticks[box.dataset.gjItem] === box.dataset.gjHash;
      for (const view of views) view.update();
    };
    const pairs = (list) => list.map((box) => [box.dataset.gjItem, box.dataset.gjHash]);
    // The stored ticks that still match an item of this page.
    const valid = (stored) => Object.fromEntries(pairs(boxes).filter(([id, hash]) => stored[id] === hash));
    // Applies {item id: hash, or "" to untick} to what is stored now (another tab may have
    // changed it), or to what the page shows when storage cannot be written.
    const commit = (change) => {
      const apply = (ticks) => {
        for (const id in change) {
          if (change[id]) ticks[id] = change[id];
          else delete ticks[id];
        }
        return ticks;
      };
      const [stored, problem] = load(key);
      let ticks = apply(valid(stored));
      if (problem === "unavailable" || !save(key, ticks)) {
        notify(TEXT.unavailable);
        ticks = apply(Object.fromEntries(pairs(boxes.filter((box) => box.checked))));
      }
      show(ticks);
    };

    const [saved, problem] = load(key);
    for (const section of sections) {
      const mine = [...section.querySelectorAll("input.gj-check__input")];
      const progress = element("p", "gj-checklist__progress");
      progress.setAttribute("role", "status");
      const notice = element("p", "gj-checklist__notice");
      notice.hidden = true;
      const actions = element("div", "gj-checklist__actions");
      const reset = element("button", "gj-checklist__reset", TEXT.reset);
      const undo = element("button", "gj-checklist__undo", TEXT.undo);
      const cleared = element("span", "gj-checklist__cleared");
      reset.type = undo.type = "button";
      undo.hidden = cleared.hidden = true;
      actions.append(reset, undo, cleared);

      let previous = null;
      // The offer to undo a reset lasts until the reader's next change to this list.
      const closeUndo = () => {
        previous = null;
        // Hiding a focused button would drop keyboard focus to the page's start.
        if (document.activeElement === undo) reset.focus();
        undo.hidden = cleared.hidden = true;
      };
      const view = {
        update: () => {
          progress.textContent = TEXT.progress(mine.filter((box) => box.checked).length, mine.length);
        },
        tell: (message) => {
          notice.textContent = message;
          notice.hidden = false;
        },
      };
      views.push(view);

      const changed = [];
      for (const box of mine) {
        const { gjItem: id, gjHash: hash } = box.dataset;
        // Unreadable storage: keep what the browser restored for this visit.
        if (problem !== "unavailable") box.checked = saved[id] === hash;
        if (!problem && id in saved && saved[id] !== hash) changed.push(box);
      }
      if (changed.length) {
        view.tell(TEXT.reworded(changed.length));
        for (const box of changed) box.closest("label").after(element("p", "gj-check__changed", TEXT.changed));
      }

      section.addEventListener("change", (event) => {
        const box = event.target;
        if (!mine.includes(box)) return;
        closeUndo();
        commit({ [box.dataset.gjItem]: box.checked ? box.dataset.gjHash : "" });
      });
      reset.addEventListener("click", () => {
        const done = mine.filter((box) => box.checked);
        closeUndo();
        if (!done.length) return;
        commit(Object.fromEntries(pairs(done).map(([id]) => [id, ""])));
        previous = done;
        cleared.textContent = TEXT.cleared(done.length);
        undo.hidden = cleared.hidden = false;
      });
      undo.addEventListener("click", () => {
        const restore = Object.fromEntries(pairs(previous || []));
        closeUndo();
        commit(restore);
      });
      // Filled before it joins the page, so screen readers announce changes, not the load.
      view.update();
      section.querySelector(".gj-checklist__title").after(progress, notice);
      section.append(actions);
    }

    if (problem) notify(TEXT[problem]);
    // Drop ticks of removed or reworded items (and a corrupt value) from storage, once.
    if (problem === "corrupt" || (!problem && Object.keys(saved).length !== Object.keys(valid(saved)).length)) commit({});

    // Another tab of this guide changed the ticks: show them here too.
    const follow = (event) => {
      if (!sections[0].isConnected) return window.removeEventListener("storage", follow);
      if (event.key !== key && event.key !== null) return;
      const [stored, trouble] = load(key);
      if (trouble !== "unavailable") show(stored);
    };
    window.addEventListener("storage", follow);
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
