// Adds the contact network and the event timeline to an entity's page. The page may hold
// an element with id "geokg-pictures" (optionally with data-iri); otherwise, on a page
// under /entity/, a section is appended to <main>. Both pictures are SVG drawn by the
// server (/pictures/network, /pictures/timeline), so links in them are plain links.
(function () {
  "use strict";
  let box = document.getElementById("geokg-pictures");
  if (!box) {
    if (!/^\/entity\/[^/]+$/.test(window.location.pathname)) return;
    box = document.createElement("section");
    box.id = "geokg-pictures";
    (document.querySelector("main") || document.body).appendChild(box);
  }
  box.classList.add("wb-pictures");
  const iri = box.dataset.iri || window.location.pathname;
  ["network", "timeline"].forEach((kind) => {
    const slot = document.createElement("div");
    slot.className = "wb-picture-slot";
    box.appendChild(slot);
    fetch("/pictures/" + kind + "?iri=" + encodeURIComponent(iri), { headers: { Accept: "text/html" } })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.status))))
      .then((html) => { slot.innerHTML = html; })
      .catch(() => { slot.textContent = "The " + kind + " picture could not be loaded."; });
  });
})();
