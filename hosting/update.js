// Registers the service worker (sw.js, written by the release build) once the page has
// loaded, asks the browser to keep the store, and says when a new build is ready: a banner
// with Reload, which lets the waiting worker take over and reloads. Nothing is swapped
// silently. Plain script, no inline code: the Content-Security-Policy allows it as 'self'.
(() => {
  const sw = navigator.serviceWorker;
  let reloading = false;

  function offer(worker) {
    if (document.querySelector("[data-testid=update-banner]")) return;
    const banner = document.createElement("div");
    banner.className = "update-banner";
    banner.setAttribute("role", "status");
    banner.dataset.testid = "update-banner";
    const text = document.createElement("p");
    text.textContent = "A new version of Flex Console is ready.";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.className = "button button-primary";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => {
      reloading = true;
      worker.postMessage("take-over");
    });
    banner.append(text, reload);
    document.body.append(banner);
  }

  addEventListener("load", async () => {
    // Whether the browser agreed is shown on the Data page.
    navigator.storage?.persist?.().catch(() => {});
    if (!sw) return;
    sw.addEventListener("controllerchange", () => {
      if (reloading) location.reload();
    });
    try {
      const registration = await sw.register(new URL("sw.js", document.baseURI));
      if (registration.waiting && sw.controller) offer(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && sw.controller) offer(worker);
        });
      });
    } catch {
      // No service worker (a debug build has none, or the host refuses it): online only.
    }
  });
})();
