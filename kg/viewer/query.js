/* newskg query page: YASGUI on this server's /sparql, example queries one click away.
 * Example titles are put in the page as escaped HTML and read back as text. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("nkg-query-config").textContent);
  var endpoint = new URL(config.endpoint, window.location.href).href;

  /* The server predeclares the prefixes; written out, the editor checks the query and it runs anywhere. */
  function withPrefixes(query) {
    var head = Object.keys(config.prefixes).filter(function (p) {
      return new RegExp("(^|[\\s(/^|,;])" + p + ":").test(query) &&
        !new RegExp("PREFIX\\s+" + p + ":", "i").test(query);
    }).map(function (p) { return "PREFIX " + p + ": <" + config.prefixes[p] + ">\n"; }).join("");
    return head + query;
  }
  Yasgui.Yasqe.defaults.value = withPrefixes(config.examples[0].query);
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {endpoint: endpoint, method: "POST"},
    copyEndpointOnNewTab: true,
    persistenceId: null,                                   // nothing kept in localStorage
    endpointCatalogueOptions: {getData: function () { return [{endpoint: endpoint}]; }},
    yasqe: {autocompleters: ["prefixes", "variables"], resizeable: true, editorHeight: "260px"}
  });
  window.yasgui = yasgui;

  function run(index) {
    var tab = yasgui.getTab();
    tab.setQuery(withPrefixes(config.examples[index].query));
    tab.getYasqe().query();
  }
  document.querySelectorAll("button.nkg-example").forEach(function (b) {
    b.addEventListener("click", function () { run(Number(b.getAttribute("data-index"))); });
  });
  window.nkgQuery = {run: run, examples: config.examples.length};
})();
