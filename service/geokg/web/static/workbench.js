// The query page: YASGUI pointed at our endpoint, completion from our prefixes and ontology,
// one-click competency queries, downloads in every result format and a shareable link.
// No inline script anywhere: settings come from data- attributes of #workbench.
(function () {
  "use strict";
  const root = document.getElementById("workbench");
  if (!root || !window.Yasgui) return;
  const cfg = root.dataset;
  const Yasqe = window.Yasgui.Yasqe;

  let termsPromise = null;
  function terms() {
    termsPromise = termsPromise || fetch(cfg.termsUrl).then((r) => r.json());
    return termsPromise;
  }
  function localCompleter(name, from, key) {
    Yasqe.forkAutocompleter(from, {
      name: name,
      bulk: true,
      autoShow: false,
      persistenceId: null,
      get: () => terms().then((t) => t[key]),
    });
  }
  // Our prefixes instead of prefix.cc; our classes and properties instead of the LOV API
  // (both are on the internet, which a strict connect-src and many deployments forbid).
  Yasqe.defaults.prefixCcApi = cfg.prefixesUrl;
  localCompleter("geokg-class", "class", "classes");
  localCompleter("geokg-property", "property", "properties");
  Yasqe.defaults.autocompleters = ["prefixes", "variables", "geokg-class", "geokg-property"];

  const yasgui = new window.Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: cfg.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: cfg.endpoint }] },
    populateFromUrl: false,
    persistenceId: "geokg-workbench",
  });

  function tab() { return yasgui.getTab(); }
  function query() { return tab().getQuery(); }

  if (cfg.initialQuery) tab().setQuery(cfg.initialQuery);

  // --- examples ------------------------------------------------------------------------
  root.querySelectorAll("button.wb-example").forEach((button) => {
    button.addEventListener("click", () => {
      tab().setQuery(button.dataset.query);
      tab().query();
    });
  });

  // --- downloads and share link --------------------------------------------------------
  const shareInput = document.getElementById("wb-share-link");
  function shareUrl(text) {
    return window.location.origin + window.location.pathname + "?query=" + encodeURIComponent(text);
  }
  function refreshTools() {
    const text = query();
    const yasqe = tab().getYasqe();
    const type = yasqe && yasqe.getQueryType ? yasqe.getQueryType() : "SELECT";
    const graph = type === "CONSTRUCT" || type === "DESCRIBE";
    root.querySelectorAll("a.wb-download").forEach((link) => {
      const fits = link.classList.contains("wb-graph") === graph;
      link.hidden = !fits;
      link.href = cfg.endpoint + "?query=" + encodeURIComponent(text) + "&format=" + link.dataset.format;
    });
    shareInput.value = shareUrl(text);
  }
  document.getElementById("wb-share-copy").addEventListener("click", () => {
    shareInput.select();
    if (navigator.clipboard) navigator.clipboard.writeText(shareInput.value).catch(() => {});
  });

  // --- result links: our IRIs open their pages on this server ---------------------------
  function localise(container) {
    container.querySelectorAll("a[href]").forEach((a) => {
      const href = a.getAttribute("href");
      if (href.startsWith(cfg.baseIri)) {
        a.setAttribute("href", "/" + href.slice(cfg.baseIri.length));
        a.removeAttribute("target");
        a.classList.add("wb-our-iri");
      }
    });
  }
  new MutationObserver(() => localise(document.getElementById("yasgui")))
    .observe(document.getElementById("yasgui"), { childList: true, subtree: true });

  function watch(current) {
    // YASGUI's own share button gives the same /?query= link as ours.
    current.getShareableLink = () => shareUrl(current.getQuery());
    const yasqe = current.getYasqe();
    if (yasqe && !yasqe.geokgWatched) {
      yasqe.geokgWatched = true;
      yasqe.on("change", refreshTools);
      yasqe.on("query", () => window.history.replaceState(null, "", shareUrl(query())));
    }
    refreshTools();
  }
  yasgui.on("tabSelect", () => setTimeout(() => watch(tab()), 0));
  yasgui.on("tabAdd", () => setTimeout(() => watch(tab()), 0));
  watch(tab());
  window.geokgWorkbench = yasgui;  // for the browser tests and the console
})();
