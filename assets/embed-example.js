// The host page's script for embed-example.html: what a blog writes to show
// Techshack Live panels. It is a file rather than an inline script so that
// the page works under a strict Content-Security-Policy.
import init, { mount } from "./techshack-live.js";

const status = document.getElementById("embed-status");
try {
  await init();
  const panels = [
    mount(document.getElementById("first-panel"), "message-store"),
    // Compact (the picture first, the rest behind "More") is the default;
    // this one shows every card at once.
    mount(document.getElementById("second-panel"), "svm", { view: "full" }),
    mount(document.getElementById("third-panel"), "svm"),
  ];
  status.textContent = "Loading the panels…";
  await Promise.all(panels.map((p) => p.ready));
  status.textContent = `Mounted ${panels.map((p) => p.topic).join(", ")}.`;
} catch (e) {
  status.textContent = `Could not mount the panels: ${e.message}`;
}
