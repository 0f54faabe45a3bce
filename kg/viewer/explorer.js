/* newskg explorer: builds the vis-network graph and its controls from the #nkg-data JSON.
 *
 * All text from the graph goes into the page through textContent, never
 * innerHTML, because labels and evidence sentences come from news articles.
 * window.nkg (created in the page head with the load timestamp) is the small
 * API the tests and benchmarks drive.
 */
(function () {
  "use strict";
  var nkg = window.nkg;
  var data = JSON.parse(document.getElementById("nkg-data").textContent);
  var SVG_NS = "http://www.w3.org/2000/svg";

  var byId = new Map();              // node id -> node record (from the JSON, or fetched)
  var adjacency = new Map();         // node id -> [{edge, other, out}]
  var edgeById = new Map();          // edge id -> edge record
  var allEdges = [];
  var styles = new Map();            // class -> {shape, color}
  var remote = data.remote || null;  // served page: neighbourhoods and search come from the server
  var overview = data.overview || null;
  var articles = data.articles || {};
  data.classes.forEach(function (c) { styles.set(c.name, c); });

  /* Add nodes and edges (the page's own, or a neighbourhood the server sent) to the indexes. */
  function merge(part) {
    (part.nodes || []).forEach(function (n) {
      if (!byId.has(n.id)) { byId.set(n.id, n); adjacency.set(n.id, []); }
    });
    (part.edges || []).forEach(function (e) {
      if (edgeById.has(e.id) || !byId.has(e.from) || !byId.has(e.to)) return;
      edgeById.set(e.id, e); allEdges.push(e);
      adjacency.get(e.from).push({edge: e, other: e.to, out: true});
      adjacency.get(e.to).push({edge: e, other: e.from, out: false});
    });
    Object.keys(part.articles || {}).forEach(function (a) { articles[a] = part.articles[a]; });
  }
  merge(data);

  var state = {
    classOn: new Map(), relationOn: new Map(), dateFrom: "", dateTo: "",
    hops: 0, selected: null, place: null, sector: null,
    // overview mode: the nodes the reader has opened so far (null: the whole graph)
    shown: overview ? new Set(overview.top) : null,
    visible: new Set(), visibleEdges: new Set()
  };
  var loaded = new Set();            // served page: nodes whose neighbourhood has been fetched

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  /* A small SVG of a vis shape, for the legend and the panel. */
  function shapeIcon(shape, color, px) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("width", px); svg.setAttribute("height", px); svg.setAttribute("viewBox", "-10 -10 20 20");
    svg.setAttribute("aria-hidden", "true");
    var s;
    var poly = {
      diamond: "0,-9 9,0 0,9 -9,0",
      triangle: "0,-9 9,7 -9,7",
      triangleDown: "0,9 9,-7 -9,-7",
      hexagon: "-4.5,-8 4.5,-8 9,0 4.5,8 -4.5,8 -9,0",
      star: "0,-9 2.6,-3.2 8.6,-2.8 4,1.3 5.3,7.3 0,4.2 -5.3,7.3 -4,1.3 -8.6,-2.8 -2.6,-3.2"
    }[shape];
    if (poly) {
      s = document.createElementNS(SVG_NS, "polygon"); s.setAttribute("points", poly);
    } else if (shape === "square") {
      s = document.createElementNS(SVG_NS, "rect");
      s.setAttribute("x", -8); s.setAttribute("y", -8); s.setAttribute("width", 16); s.setAttribute("height", 16);
    } else {
      s = document.createElementNS(SVG_NS, "circle"); s.setAttribute("r", 8);
    }
    s.setAttribute("fill", color);
    svg.appendChild(s);
    return svg;
  }

  function styleOf(node) { return styles.get(node.group) || styles.get("Other"); }

  function value(node, name) {
    for (var i = 0; i < node.props.length; i++) if (node.props[i][0] === name) return node.props[i][1];
    return null;
  }

  /* ------------------------------------------------------------------ network */
  function visNode(n, near) {
    var v = {id: n.id, label: n.label, group: n.group, size: n.size};
    if (n.told > 1) v.borderWidth = 3;   // told by several articles, drawn once
    if (n.x !== undefined) { v.x = n.x; v.y = n.y; }
    else if (lastPos.has(n.id)) { v.x = lastPos.get(n.id).x; v.y = lastPos.get(n.id).y; }
    else if (near) { v.x = near.x + (Math.random() - 0.5) * 160; v.y = near.y + (Math.random() - 0.5) * 160; }
    return v;
  }
  var lastPos = new Map();   // where a node was drawn before a filter took it away
  var nodes = new vis.DataSet([]);
  var edges = new vis.DataSet([]);
  var container = document.getElementById("nkg-graph");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  nkg.network = network;
  nkg.timings.networkBuilt = performance.now();

  network.once("afterDrawing", function () {
    nkg.timings.firstDraw = performance.now();
    nkg.ready = true;
    if (!data.physics) nkg.stable = true;
  });
  network.on("stabilized", function () { nkg.stable = true; });
  network.once("stabilizationIterationsDone", function () { nkg.stable = true; });

  /* ------------------------------------------------------------------ visibility */
  function dateOk(n) {
    if (!n.date) return true;
    var start = n.date.length === 7 ? n.date + "-01" : n.date;
    var end = n.date.length === 7 ? n.date + "-31" : n.date;
    return (!state.dateFrom || end >= state.dateFrom) && (!state.dateTo || start <= state.dateTo);
  }

  function baseVisible(n) { return state.classOn.get(n.cls) !== false && dateOk(n); }
  function isFact(n) { return ["Post", "Cooperation", "Agreement", "Investment"].indexOf(n.cls) >= 0; }
  function touches(id, other) {
    return adjacency.get(id).some(function (a) { return a.other === other; });
  }
  /* Place and sector filters: facts must involve the chosen place and sector. */
  function scopeOk(n) {
    if (!isFact(n)) return true;
    return (!state.place || touches(n.id, state.place)) && (!state.sector || touches(n.id, state.sector));
  }

  /* Nodes within state.hops of the selected node, walking only visible nodes and relations. */
  function focusSet() {
    if (!state.hops || state.selected === null) return null;
    var seen = new Set([state.selected]), frontier = [state.selected];
    for (var h = 0; h < state.hops; h++) {
      var next = [];
      frontier.forEach(function (id) {
        adjacency.get(id).forEach(function (a) {
          if (seen.has(a.other) || state.relationOn.get(a.edge.relation) === false) return;
          if (!baseVisible(byId.get(a.other))) return;
          seen.add(a.other); next.push(a.other);
        });
      });
      frontier = next;
    }
    return seen;
  }

  /* The nodes and edges to draw now; vis gets only what changed (added or removed). */
  function applyFilters(near) {
    var focus = focusSet(), want = new Set();
    byId.forEach(function (n) {
      if (state.shown !== null && !state.shown.has(n.id) && !(focus && focus.has(n.id))) return;
      if (!baseVisible(n) || !scopeOk(n) || (focus !== null && !focus.has(n.id))) return;
      want.add(n.id);
    });
    if (state.place || state.sector) {   // entities only with a fact in scope, or chosen
      want.forEach(function (id) {
        var n = byId.get(id);
        if (isFact(n) || id === state.place || id === state.sector || id === state.selected) return;
        var kept = adjacency.get(id).some(function (a) { return want.has(a.other) && isFact(byId.get(a.other)); });
        if (!kept) want.delete(id);
      });
    }
    var gone = [], added = [];
    state.visible.forEach(function (id) { if (!want.has(id)) gone.push(id); });
    want.forEach(function (id) { if (!state.visible.has(id)) added.push(visNode(byId.get(id), near)); });
    var wantEdges = new Set(), goneEdges = [], addedEdges = [];
    allEdges.forEach(function (e) {
      if (want.has(e.from) && want.has(e.to) && state.relationOn.get(e.relation) !== false) wantEdges.add(e.id);
    });
    state.visibleEdges.forEach(function (id) { if (!wantEdges.has(id)) goneEdges.push(id); });
    wantEdges.forEach(function (id) {
      if (!state.visibleEdges.has(id)) {
        var e = edgeById.get(id);
        addedEdges.push({id: e.id, from: e.from, to: e.to, label: e.label});
      }
    });
    if (goneEdges.length) edges.remove(goneEdges);
    if (gone.length) {
      var at = network.getPositions(gone);
      Object.keys(at).forEach(function (id) { lastPos.set(byId.has(id) ? id : Number(id), at[id]); });
      nodes.remove(gone);
    }
    if (added.length) nodes.add(added);
    if (addedEdges.length) edges.add(addedEdges);
    state.visible = want; state.visibleEdges = wantEdges;
    updateStats();
    if (focus !== null) network.fit({nodes: Array.from(focus), animation: {duration: 300}});
  }

  function totalNodes() {
    if (!overview) return byId.size;
    return Object.keys(overview.classCounts).reduce(function (t, c) { return t + overview.classCounts[c]; }, 0);
  }

  function updateStats() {
    var total = totalNodes();
    var text = total.toLocaleString() + " nodes";
    if (!overview) text += ", " + allEdges.length.toLocaleString() + " edges";
    if (state.visible.size !== total) text += " (" + state.visible.size.toLocaleString() + " shown)";
    document.getElementById("nkg-stats").textContent = text;
  }

  /* ------------------------------------------------------------------ expanding */
  var MORE = 60;   // neighbours opened per click; facts bring their other ends along

  function fetchJSON(url) {
    return fetch(url, {headers: {"Accept": "application/json"}}).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    });
  }

  function neighbourhood(id) {
    if (!remote || loaded.has(id)) return Promise.resolve();
    return fetchJSON(remote.neighbours + "?id=" + encodeURIComponent(id)).then(function (part) {
      loaded.add(id); merge(part);
    });
  }

  /* Open a node's neighbourhood (fetched first on a served page) and draw it next to the node. */
  function expand(id) {
    return neighbourhood(id).then(function () {
      if (!byId.has(id)) return 0;
      if (state.shown === null) { applyFilters(); return 0; }
      var before = state.shown.size;
      state.shown.add(id);
      var links = adjacency.get(id).filter(function (a) { return !state.shown.has(a.other); });
      links.slice(0, MORE).forEach(function (a) {
        state.shown.add(a.other);
        if (isFact(byId.get(a.other))) adjacency.get(a.other).forEach(function (b) { state.shown.add(b.other); });
      });
      var pos = state.visible.has(id) ? network.getPositions([id])[id] : null;
      applyFilters(pos);
      return state.shown.size - before;
    });
  }
  nkg.expand = expand;

  /* ------------------------------------------------------------------ legend and filters */
  function checkRow(name, color, shape, count, checked, onChange) {
    var label = el("label", {"class": "nkg-check"});
    var box = el("input", {type: "checkbox", "data-name": name});
    box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); });
    label.appendChild(box);
    if (shape) label.appendChild(shapeIcon(shape, color, 14));
    label.appendChild(el("span", null, name));
    label.appendChild(el("span", {"class": "nkg-count"}, count.toLocaleString()));
    return label;
  }

  function countBy(items, key) {
    var counts = new Map();
    items.forEach(function (x) { counts.set(x[key], (counts.get(x[key]) || 0) + 1); });
    return counts;
  }

  var classCounts = overview ? new Map(Object.keys(overview.classCounts).map(function (c) {
    return [c, overview.classCounts[c]]; })) : countBy(Array.from(byId.values()), "cls");
  var classBox = document.getElementById("nkg-classes");
  data.classes.forEach(function (c) {
    if (!classCounts.has(c.name)) return;
    state.classOn.set(c.name, true);
    classBox.appendChild(checkRow(c.name, c.color, c.shape, classCounts.get(c.name), true,
      function (on) { setClassVisible(c.name, on); }));
  });
  classCounts.forEach(function (count, cls) {   // classes without a style, drawn as "Other"
    if (state.classOn.has(cls)) return;
    state.classOn.set(cls, true);
    var other = styles.get("Other");
    classBox.appendChild(checkRow(cls, other.color, other.shape, count, true,
      function (on) { setClassVisible(cls, on); }));
  });

  var relationCounts = countBy(allEdges, "relation");
  var relationBox = document.getElementById("nkg-relations");
  Array.from(relationCounts.keys()).sort().forEach(function (rel) {
    state.relationOn.set(rel, true);
    relationBox.appendChild(checkRow(rel, null, null, relationCounts.get(rel), true,
      function (on) { setRelationVisible(rel, on); }));
  });
  if (!relationCounts.size) relationBox.hidden = true;

  function syncBox(box, name, on) {
    box.querySelectorAll("input[type=checkbox]").forEach(function (b) {
      if (b.getAttribute("data-name") === name) b.checked = on;
    });
  }

  function setClassVisible(cls, on) {
    state.classOn.set(cls, !!on); syncBox(classBox, cls, !!on); applyFilters();
  }

  function setRelationVisible(rel, on) {
    state.relationOn.set(rel, !!on); syncBox(relationBox, rel, !!on); applyFilters();
  }

  var dates = Array.from(byId.values()).filter(function (n) { return n.date; }).map(function (n) {
    return n.date.length === 7 ? n.date + "-01" : n.date;
  }).sort();
  var fromInput = document.getElementById("nkg-date-from"), toInput = document.getElementById("nkg-date-to");
  if (dates.length) {
    fromInput.value = dates[0]; toInput.value = dates[dates.length - 1];
  } else {
    document.getElementById("nkg-dates").hidden = true;
  }
  function setDateRange(from, to) {
    state.dateFrom = from || ""; state.dateTo = to || "";
    fromInput.value = state.dateFrom; toInput.value = state.dateTo;
    applyFilters();
  }
  fromInput.addEventListener("change", function () { setDateRange(fromInput.value, toInput.value); });
  toInput.addEventListener("change", function () { setDateRange(fromInput.value, toInput.value); });

  /* Place and sector filters (the most connected ones), and the overview's list of hubs. */
  function fillChoices(selectId, ids, onChange) {
    var select = document.getElementById(selectId);
    ids.filter(function (id) { return byId.has(id); }).map(function (id) { return byId.get(id); })
      .sort(function (a, b) { return a.name.localeCompare(b.name); })
      .forEach(function (n) { select.appendChild(el("option", {value: n.id}, n.name)); });
    if (select.options.length <= 1) select.parentNode.hidden = true;
    select.addEventListener("change", function () { onChange(select.value || null); });
    return select;
  }
  function placesIn(cls) {
    return Array.from(byId.values()).filter(function (n) { return cls.indexOf(n.cls) >= 0; })
      .sort(function (a, b) { return adjacency.get(b.id).length - adjacency.get(a.id).length; })
      .slice(0, 60).map(function (n) { return n.id; });
  }
  var placeSelect = fillChoices("nkg-place", overview ? overview.places : placesIn(["City", "Region", "Country", "District"]),
    function (id) { setPlace(id); });
  var sectorSelect = fillChoices("nkg-sector", overview ? overview.sectors : placesIn(["Sector"]),
    function (id) { setSector(id); });
  function setPlace(id) {
    state.place = id || null; placeSelect.value = id || "";
    return (id ? expand(id) : Promise.resolve()).then(function () { applyFilters(); });
  }
  function setSector(id) {
    state.sector = id || null; sectorSelect.value = id || "";
    return (id ? expand(id) : Promise.resolve()).then(function () { applyFilters(); });
  }
  var hubs = document.getElementById("nkg-hubs");
  if (overview) {
    overview.top.forEach(function (id) {
      var n = byId.get(id);
      if (!n) return;
      var li = el("li");
      li.appendChild(shapeIcon(styleOf(n).shape, styleOf(n).color, 11));
      li.appendChild(document.createTextNode(" " + n.name + " "));
      li.appendChild(el("small", null, n.cls));
      li.addEventListener("click", function () { open(id); });
      hubs.appendChild(li);
    });
  } else {
    hubs.parentNode.hidden = true;
  }

  var hopsSelect = document.getElementById("nkg-hops");
  function setHops(hops) {
    state.hops = Number(hops) || 0; hopsSelect.value = String(state.hops); applyFilters();
  }
  hopsSelect.addEventListener("change", function () { setHops(hopsSelect.value); });

  /* ------------------------------------------------------------------ tooltip */
  var tooltip = document.getElementById("nkg-tooltip");

  function showTooltip(parts, pointer) {
    tooltip.textContent = "";
    parts.forEach(function (p) { tooltip.appendChild(p); });
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var x = Math.min(pointer.x + 14, box.width - tooltip.offsetWidth - 4);
    var y = pointer.y + 14 + tooltip.offsetHeight > box.height ? pointer.y - tooltip.offsetHeight - 10 : pointer.y + 14;
    tooltip.style.left = Math.max(4, x) + "px"; tooltip.style.top = Math.max(4, y) + "px";
  }

  function clip(text, n) { return text.length > n ? text.slice(0, n - 1) + "\u2026" : text; }

  network.on("hoverNode", function (p) {
    var n = byId.get(p.node), s = styleOf(n), parts = [];
    var cls = el("div", {"class": "nkg-tip-class"}, n.cls); cls.style.color = s.color;
    parts.push(cls, el("div", {"class": "nkg-tip-label"}, n.name));
    ["Value", "Agreements", "Projects", "Date", "Title"].forEach(function (k) {
      var v = value(n, k);
      if (v !== null && !(k === "Title" && v === n.name)) parts.push(el("div", null, k + ": " + v));
    });
    n.evidence.slice(0, 2).forEach(function (s) { parts.push(el("q", null, clip(s, 280))); });
    if (n.evidence.length > 2) parts.push(el("div", {"class": "nkg-muted"}, "+" + (n.evidence.length - 2) + " more sentences"));
    showTooltip(parts, p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    var e = edgeById.get(p.edge);
    showTooltip([el("div", {"class": "nkg-tip-label"}, e.relation),
      el("div", null, byId.get(e.from).name + " \u2192 " + byId.get(e.to).name)], p.pointer.DOM);
  });
  ["blurNode", "blurEdge", "dragStart", "zoom", "click"].forEach(function (ev) {
    network.on(ev, function () { tooltip.hidden = true; });
  });

  /* ------------------------------------------------------------------ side panel */
  var panel = document.getElementById("nkg-panel"), panelBody = document.getElementById("nkg-panel-body");

  function linkTo(id) {
    var b = el("button", {type: "button", "class": "nkg-link"}, byId.get(id).name);
    b.addEventListener("click", function () { selectNode(id); });
    return b;
  }

  function showPanel(n) {
    var s = styleOf(n);
    panelBody.textContent = "";
    var head = el("div", {"class": "nkg-class"});
    head.appendChild(shapeIcon(s.shape, s.color, 14));
    head.appendChild(el("span", null, n.cls));
    panelBody.appendChild(head);
    panelBody.appendChild(el("h2", null, n.name));
    panelBody.appendChild(el("code", null, n.id));
    var dl = el("dl");
    n.props.forEach(function (p) { dl.appendChild(el("dt", null, p[0])); dl.appendChild(el("dd", null, p[1])); });
    dl.appendChild(el("dt", null, "Articles")); dl.appendChild(el("dd", null, (n.articleCount || n.articles.length).toLocaleString()));
    if (n.told > 1) { dl.appendChild(el("dt", null, "Told by")); dl.appendChild(el("dd", null, n.told + " articles, drawn once")); }
    panelBody.appendChild(dl);
    if (state.shown !== null) {
      var more = el("button", {type: "button", "class": "nkg-expand"}, "Show its neighbours");
      more.addEventListener("click", function () { open(n.id); });
      panelBody.appendChild(more);
    }

    var links = adjacency.get(n.id);
    panelBody.appendChild(el("h3", null, "Neighbours (" + links.length + ")"));
    var ul = el("ul");
    links.slice(0, 200).forEach(function (a) {
      var li = el("li");
      li.appendChild(el("span", {"class": "nkg-rel"}, a.out ? a.edge.relation + " \u2192 " : "\u2190 " + a.edge.relation + " "));
      li.appendChild(linkTo(a.other));
      li.appendChild(el("small", null, " " + byId.get(a.other).cls));
      ul.appendChild(li);
    });
    if (links.length > 200) ul.appendChild(el("li", {"class": "nkg-muted"}, "\u2026 and " + (links.length - 200) + " more"));
    panelBody.appendChild(ul);

    var told = n.evidenceCount && n.evidenceCount > n.evidence.length ?
      n.evidence.length + " of " + n.evidenceCount.toLocaleString() : n.evidence.length;
    panelBody.appendChild(el("h3", null, "Source sentences (" + told + ")"));
    n.evidence.forEach(function (s) { panelBody.appendChild(el("blockquote", {"class": "nkg-evidence"}, s)); });
    if (n.articles.length) {
      panelBody.appendChild(el("h3", null, "Articles"));
      var al = el("ul");
      n.articles.forEach(function (a) {
        var li = el("li"), meta = articles[a] || {};
        if (meta.url && /^https?:\/\//.test(meta.url)) {
          var link = el("a", {"href": meta.url, "target": "_blank", "rel": "noopener noreferrer"}, meta.title || meta.url);
          li.appendChild(link);
        } else {
          li.appendChild(el("code", null, meta.title || a));
        }
        al.appendChild(li);
      });
      panelBody.appendChild(al);
    }
    if (panel.hidden) { panel.hidden = false; resized(); }
  }

  /* The panel sits beside the graph (never over it): the graph's canvas follows its box. */
  function resized() { network.setSize("100%", "100%"); network.redraw(); }
  if (window.ResizeObserver) new ResizeObserver(resized).observe(container);
  function closePanel() { panel.hidden = true; resized(); }
  document.getElementById("nkg-panel-close").addEventListener("click", function () {
    closePanel(); network.unselectAll(); state.selected = null; if (state.hops) applyFilters();
  });

  function selectNode(id) {
    var n = byId.get(id);
    if (!n) return false;
    state.selected = id;
    if (state.shown !== null && !state.shown.has(id)) state.shown.add(id);
    if (state.hops || !state.visible.has(id)) applyFilters();
    if (!state.visible.has(id)) return false;
    network.selectNodes([id]);
    if (!state.hops) {
      network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: {duration: 300}});
    }
    showPanel(n);
    return true;
  }

  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0]);
  });
  network.on("doubleClick", function (p) {
    if (p.nodes.length) expand(p.nodes[0]).then(function () { selectNode(p.nodes[0]); });
  });

  /* ------------------------------------------------------------------ search */
  var searchInput = document.getElementById("nkg-search"), results = document.getElementById("nkg-results");

  /* Nodes (of visible classes and dates) whose label contains text: exact match, then prefix, then by degree. */
  function matches(text) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    byId.forEach(function (n) {
      if (!baseVisible(n)) return;
      var name = n.name.toLowerCase(), at = name.indexOf(q);
      if (at < 0) return;
      found.push({id: n.id, rank: name === q ? 0 : at === 0 ? 1 : 2, degree: adjacency.get(n.id).length});
    });
    found.sort(function (a, b) { return a.rank - b.rank || b.degree - a.degree; });
    return found.map(function (f) { return f.id; });
  }

  function listResults(ids) {
    results.textContent = "";
    ids.slice(0, 12).forEach(function (id, i) {
      var n = byId.get(id), li = el("li", i === 0 ? {"class": "nkg-active"} : null);
      li.appendChild(shapeIcon(styleOf(n).shape, styleOf(n).color, 11));
      li.appendChild(document.createTextNode(" " + n.name + " "));
      li.appendChild(el("small", null, n.cls));
      li.addEventListener("click", function () { open(id); });
      results.appendChild(li);
    });
    if (ids.length > 12) results.appendChild(el("li", {"class": "nkg-muted"}, (ids.length - 12) + " more\u2026"));
  }

  /* Draw a node with its neighbourhood and select it. */
  function open(id) {
    return expand(id).then(function () { return selectNode(id); });
  }

  /* Embedded page: the matching ids, at once. Served page: a promise of them (the server searches). */
  function search(text) {
    if (remote) {
      return fetchJSON(remote.search + "?q=" + encodeURIComponent(text)).then(function (part) {
        merge(part);
        var ids = (part.nodes || []).map(function (n) { return n.id; });
        listResults(ids);
        return ids.length ? open(ids[0]).then(function () { return ids; }) : ids;
      });
    }
    var ids = matches(text);
    listResults(ids);
    if (ids.length) open(ids[0]);
    return ids;
  }

  var typing = null;
  searchInput.addEventListener("input", function () {
    if (!remote) { listResults(matches(searchInput.value)); return; }
    clearTimeout(typing);
    typing = setTimeout(function () {
      if (searchInput.value.trim().length < 2) return;
      fetchJSON(remote.search + "?q=" + encodeURIComponent(searchInput.value)).then(function (part) {
        merge(part); listResults((part.nodes || []).map(function (n) { return n.id; }));
      });
    }, 200);
  });
  searchInput.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); search(searchInput.value); }
  });

  /* ------------------------------------------------------------------ API */
  nkg.search = search;
  nkg.selectNode = selectNode;
  nkg.setClassVisible = setClassVisible;
  nkg.setRelationVisible = setRelationVisible;
  nkg.setDateRange = setDateRange;
  nkg.setHops = setHops;
  nkg.visibleNodeIds = function () {
    return Array.from(state.visible);
  };
  nkg.visibleEdgeIds = function () {
    return Array.from(state.visibleEdges);
  };
  nkg.setPlace = setPlace;
  nkg.setSector = setSector;
  nkg.open = open;
  nkg.nodeCount = totalNodes();
  nkg.mode = overview ? "overview" : "whole";
  applyFilters();
  if (overview) network.once("stabilized", function () { network.fit(); });
})();
