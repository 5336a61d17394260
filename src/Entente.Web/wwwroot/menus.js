// The header menus are native <details> and work without this file. It only adds what people expect of a menu:
// Escape closes it (focus goes back to its button) and a click anywhere else closes any open one.
document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const open = document.querySelector("details.menu[open]");
    if (!open) return;
    open.removeAttribute("open");
    open.querySelector("summary")?.focus();
});
document.addEventListener("click", (event) => {
    for (const menu of document.querySelectorAll("details.menu[open]")) {
        if (!menu.contains(event.target)) menu.removeAttribute("open");
    }
});
