// eventwire web UI: the only script. It toggles highlight layers on the article page.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("text");
  const legend = document.getElementById("legend");
  if (!text || !legend) return;
  for (const box of legend.querySelectorAll("input[data-layer]")) {
    box.addEventListener("change", () => {
      text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  }
});
