// The quick status update on an action page: after htmx swaps the status panel, move focus
// to it so screen reader users hear the result. Without JavaScript the form posts normally.
document.body.addEventListener("htmx:afterSettle", () => {
  const panel = document.getElementById("status-panel");
  if (panel) {
    panel.focus();
  }
});
