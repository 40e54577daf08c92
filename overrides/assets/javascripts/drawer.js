/* The navigation drawer on phones and tablets: out of reach while it is closed.
 *
 * Below 76.25em Material slides its navigation off screen as a drawer, but its links stayed in
 * the tab order: a keyboard or screen-reader user landed on links they could not see. While the
 * drawer is closed it is `inert`. Firefox restores a checkbox's state on reload, which Material
 * prevented with autocomplete="off" (invalid on a checkbox, removed by the build), so a drawer
 * that comes back open is closed here.
 */
(() => {
  "use strict";

  const toggle = document.getElementById("__drawer");
  if (!toggle) return;
  const drawerLayout = window.matchMedia("(max-width: 76.234375em)");

  const update = () => {
    const drawer = document.querySelector(".md-sidebar--primary");
    if (drawer) drawer.inert = drawerLayout.matches && !toggle.checked;
  };

  if (toggle.checked) toggle.click(); // Material listens for the change this fires
  toggle.addEventListener("change", update);
  drawerLayout.addEventListener("change", update);
  // Instant navigation replaces the sidebar with the page; document$ emits for each page.
  if (window.document$) window.document$.subscribe(update);
  else update();
})();
