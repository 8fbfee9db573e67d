// The reconnect UI for the .NET 10 Blazor script: it raises "components-reconnect-state-changed" on the element
// with id components-reconnect-modal, with event.detail.state one of show, hide, retrying, failed, rejected,
// paused, resume-failed. We keep the state in data-state (styled in app.css) and offer the matching action.
(() => {
  const banner = document.getElementById("components-reconnect-modal");
  if (!banner) return;
  const shownAs = { show: "retrying", retrying: "retrying", failed: "failed", "resume-failed": "failed", paused: "failed", rejected: "rejected" };

  banner.addEventListener("components-reconnect-state-changed", event => {
    banner.dataset.state = shownAs[event.detail.state] ?? "hide";
  });

  banner.addEventListener("click", async event => {
    const action = event.target.dataset?.reconnect;
    if (action === "reload") {
      location.reload();
    } else if (action === "retry") {
      banner.dataset.state = "retrying";
      const resumed = await Blazor.reconnect();
      if (!resumed) location.reload();
    }
  });
})();
