/* Gives Material's search dialog an accessible name: its template has role="dialog" and
 * nothing else, which axe reports (aria-dialog-name). Done here rather than in
 * partials/search.html so it keeps working if the search UI (issue #6) replaces that
 * partial: any dialog in the header that still has no name is the search. */
(() => {
  "use strict";
  const name = () => {
    for (const dialog of document.querySelectorAll(".md-header [role=dialog]:not([aria-label]):not([aria-labelledby])")) {
      dialog.setAttribute("aria-label", "검색");
    }
  };
  if (window.document$) window.document$.subscribe(name);
  else name();
})();
