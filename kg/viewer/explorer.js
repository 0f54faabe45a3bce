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

  var byId = new Map();              // node id -> node record (from the JSON)
  var adjacency = new Map();         // node id -> [{edge, other, out}]
  var styles = new Map();            // class -> {shape, color}
  data.classes.forEach(function (c) { styles.set(c.name, c); });
  data.nodes.forEach(function (n) { byId.set(n.id, n); adjacency.set(n.id, []); });
  data.edges.forEach(function (e) {
    adjacency.get(e.from).push({edge: e, other: e.to, out: true});
    adjacency.get(e.to).push({edge: e, other: e.from, out: false});
  });

  var state = {
    classOn: new Map(), relationOn: new Map(), dateFrom: "", dateTo: "",
    hops: 0, selected: null, hiddenNodes: new Set(), hiddenEdges: new Set()
  };

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
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var v = {id: n.id, label: n.label, group: n.group, size: n.size};
    if (n.x !== undefined) { v.x = n.x; v.y = n.y; }
    return v;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return {id: e.id, from: e.from, to: e.to, label: e.label};
  }));
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

  /* Recompute hidden nodes and edges; send vis only what changed. */
  function applyFilters() {
    var focus = focusSet(), nodeChanges = [], edgeChanges = [];
    data.nodes.forEach(function (n) {
      var hide = !baseVisible(n) || (focus !== null && !focus.has(n.id));
      if (hide !== state.hiddenNodes.has(n.id)) {
        if (hide) state.hiddenNodes.add(n.id); else state.hiddenNodes.delete(n.id);
        nodeChanges.push({id: n.id, hidden: hide});
      }
    });
    data.edges.forEach(function (e) {
      var hide = state.relationOn.get(e.relation) === false ||
        state.hiddenNodes.has(e.from) || state.hiddenNodes.has(e.to);
      if (hide !== state.hiddenEdges.has(e.id)) {
        if (hide) state.hiddenEdges.add(e.id); else state.hiddenEdges.delete(e.id);
        edgeChanges.push({id: e.id, hidden: hide});
      }
    });
    if (nodeChanges.length) nodes.update(nodeChanges);
    if (edgeChanges.length) edges.update(edgeChanges);
    updateStats();
    if (focus !== null) network.fit({nodes: Array.from(focus), animation: {duration: 300}});
  }

  function updateStats() {
    var shown = data.nodes.length - state.hiddenNodes.size;
    var text = data.nodes.length.toLocaleString() + " nodes, " + data.edges.length.toLocaleString() + " edges";
    if (shown !== data.nodes.length) text += " (" + shown.toLocaleString() + " nodes shown)";
    document.getElementById("nkg-stats").textContent = text;
  }

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

  var classCounts = countBy(data.nodes, "cls");
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

  var relationCounts = countBy(data.edges, "relation");
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

  var dates = data.nodes.filter(function (n) { return n.date; }).map(function (n) {
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
    var e = data.edges[p.edge];   // edge ids are their index
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
    dl.appendChild(el("dt", null, "Articles")); dl.appendChild(el("dd", null, n.articles.length));
    panelBody.appendChild(dl);

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

    panelBody.appendChild(el("h3", null, "Source sentences (" + n.evidence.length + ")"));
    n.evidence.forEach(function (s) { panelBody.appendChild(el("blockquote", {"class": "nkg-evidence"}, s)); });
    if (n.articles.length) {
      panelBody.appendChild(el("h3", null, "Articles"));
      var al = el("ul");
      n.articles.forEach(function (a) {
        var li = el("li"), meta = (data.articles || {})[a] || {};
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
    panel.hidden = false;
  }

  function closePanel() { panel.hidden = true; }
  document.getElementById("nkg-panel-close").addEventListener("click", function () {
    closePanel(); network.unselectAll(); state.selected = null; if (state.hops) applyFilters();
  });

  function selectNode(id) {
    var n = byId.get(id);
    if (!n) return false;
    state.selected = id;
    if (state.hops) applyFilters();
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

  /* ------------------------------------------------------------------ search */
  var searchInput = document.getElementById("nkg-search"), results = document.getElementById("nkg-results");

  /* Visible nodes whose label contains text: exact match, then prefix, then by degree. */
  function matches(text) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    var found = [];
    data.nodes.forEach(function (n) {
      if (state.hiddenNodes.has(n.id)) return;
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
      li.addEventListener("click", function () { selectNode(id); });
      results.appendChild(li);
    });
    if (ids.length > 12) results.appendChild(el("li", {"class": "nkg-muted"}, (ids.length - 12) + " more\u2026"));
  }

  function search(text) {
    var ids = matches(text);
    listResults(ids);
    if (ids.length) selectNode(ids[0]);
    return ids;
  }

  searchInput.addEventListener("input", function () { listResults(matches(searchInput.value)); });
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
    return data.nodes.filter(function (n) { return !state.hiddenNodes.has(n.id); }).map(function (n) { return n.id; });
  };
  nkg.visibleEdgeIds = function () {
    return data.edges.filter(function (e) { return !state.hiddenEdges.has(e.id); }).map(function (e) { return e.id; });
  };
  nkg.nodeCount = data.nodes.length;
  updateStats();
})();
