// The reports' Print button. A file, not an onclick attribute: the Content-Security-Policy runs no inline handlers.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
