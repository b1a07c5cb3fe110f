// The map page: coastlines (world-atlas, Natural Earth 1:110m) and the places of events and
// claimed territories, drawn as SVG in an equirectangular projection. Everything comes from
// this server; no tiles, so the map works offline and under a strict CSP.
(function () {
  "use strict";
  const figure = document.getElementById("geokg-map");
  if (!figure || !window.topojson) return;
  const W = 1000, H = 500, NS = "http://www.w3.org/2000/svg";
  const x = (lon) => ((lon + 180) / 360) * W;
  const y = (lat) => ((90 - lat) / 180) * H;

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    if (parent) parent.appendChild(node);
    return node;
  }
  function ringPath(ring) {
    // Split where a ring jumps across the antimeridian, so no line crosses the whole map.
    let d = "", last = null;
    ring.forEach(([lon, lat]) => {
      const jump = last === null || Math.abs(lon - last) > 180;
      d += (jump ? "M" : "L") + x(lon).toFixed(1) + "," + y(lat).toFixed(1);
      last = lon;
    });
    return d + "Z";
  }
  function landPath(geometry) {
    const polygons = geometry.type === "MultiPolygon" ? geometry.coordinates : [geometry.coordinates];
    return polygons.map((polygon) => polygon.map(ringPath).join("")).join("");
  }

  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "World map of events and claimed territories", class: "wb-world" });
  figure.insertBefore(svg, figure.firstChild);
  el("rect", { x: 0, y: 0, width: W, height: H, class: "wb-sea" }, svg);
  const land = el("g", { class: "wb-land" }, svg);
  const marks = el("g", { class: "wb-marks" }, svg);

  Promise.all([fetch(figure.dataset.landUrl).then((r) => r.json()),
               fetch(figure.dataset.pointsUrl).then((r) => r.json())])
    .then(([topology, data]) => {
      const shapes = window.topojson.feature(topology, topology.objects.land);
      (shapes.features || [shapes]).forEach((f) => el("path", { d: landPath(f.geometry) }, land));
      data.points.forEach((p) => {
        const link = el("a", { href: p.href, class: "wb-mark" }, marks);
        if (p.claims) el("circle", { cx: x(p.lon), cy: y(p.lat), r: 5 + 2 * Math.sqrt(p.claims), class: "wb-claim" }, link);
        if (p.events) el("circle", { cx: x(p.lon), cy: y(p.lat), r: 3 + 2 * Math.sqrt(p.events), class: "wb-event-mark" }, link);
        const types = Object.entries(p.types).map(([t, n]) => t + " " + n).join(", ");
        const title = el("title", {}, link);
        title.textContent = p.label + (p.events ? ": " + p.events + " events (" + types + ")" : "") +
          (p.claims ? "; claimed " + p.claims + "× by " + p.claimants.join(", ") : "");
      });
      figure.dataset.drawn = String(data.points.length);
    })
    .catch((err) => { figure.appendChild(document.createTextNode("The map could not be drawn: " + err)); });
})();
