/* 길잡이 "글자 크기": three text sizes, chosen in the header, remembered on this device.
 *
 * The choice is the data-gj-text attribute of <html>, which giljabi.css turns into a larger
 * root font: everything sized in rem grows, Material's header, menu and search included.
 * overrides/main.html applies the stored choice in <head>, before the page is first drawn,
 * so nothing jumps. Only this script adds the control: without JavaScript the page keeps the
 * browser's own size and shows no button that cannot work.
 */
(() => {
  "use strict";

  // Stored with Material's helpers (overrides/partials/javascripts/base.html), one key per site.
  const KEY = "giljabi.textSize";
  const SIZES = { "": "보통", large: "크게", larger: "아주 크게" };
  const root = document.documentElement;

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    if (tag === "button") node.type = "button";
    return node;
  };

  const mount = () => {
    const header = document.querySelector(".md-header__inner");
    if (!header || header.querySelector(".gj-text-size")) return;
    const control = element("div", "gj-text-size");
    const toggle = element("button", "gj-text-size__toggle", "글자 크기");
    const panel = element("div", "gj-text-size__panel");
    panel.id = "gj-text-size";
    panel.hidden = true;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", "글자 크기");
    toggle.setAttribute("aria-controls", panel.id);
    toggle.setAttribute("aria-expanded", "false");
    const choices = Object.entries(SIZES).map(([size, label]) => {
      const choice = element("button", "gj-text-size__choice", label);
      choice.dataset.size = size;
      return choice;
    });
    panel.append(...choices);
    control.append(toggle, panel);

    const show = () => {
      for (const choice of choices) choice.setAttribute("aria-pressed", String(choice.dataset.size === (root.dataset.gjText || "")));
    };
    const open = (yes) => {
      panel.hidden = !yes;
      toggle.setAttribute("aria-expanded", String(yes));
    };

    toggle.addEventListener("click", () => open(panel.hidden));
    panel.addEventListener("click", (event) => {
      const choice = event.target.closest(".gj-text-size__choice");
      if (!choice) return;
      if (choice.dataset.size) root.dataset.gjText = choice.dataset.size;
      else delete root.dataset.gjText;
      __md_set(KEY, choice.dataset.size);
      show();
    });
    control.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || panel.hidden) return;
      open(false);
      toggle.focus();
    });
    // Closes when the reader taps or tabs anywhere else, as a menu does. Focus that goes nowhere
    // (Safari does not focus a clicked button) is left to the click.
    control.addEventListener("focusout", ({ relatedTarget }) => relatedTarget && !control.contains(relatedTarget) && open(false));
    document.addEventListener("click", (event) => control.contains(event.target) || open(false));

    show();
    header.insertBefore(control, header.querySelector("label[for='__search']"));
  };

  // The header outlives instant navigation; document$ covers a page that replaced it.
  if (window.document$) window.document$.subscribe(mount);
  else mount();
})();
