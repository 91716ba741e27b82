/* Weekly insights: a bar chart (a picture of the table) and the table itself; withheld
   counts (null: fewer than 5) are shown as such and never drawn. */
(function () {
  "use strict";
  var B = window.Balcony, make = B.make, SVG = "http://www.w3.org/2000/svg";
  var panel = document.querySelector("[data-insights]");
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    for (var name in attrs) { node.setAttribute(name, attrs[name]); }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function cell(value) { return value === null || value === undefined ? "fewer than 5" : String(value); }
  function chart(weeks) {
    var totals = {};
    weeks.forEach(function (w) {
      Object.keys(w.tools).forEach(function (tool) {
        if (w.tools[tool] !== null) { totals[tool] = (totals[tool] || 0) + w.tools[tool]; }
        else if (!(tool in totals)) { totals[tool] = 0; }
      });
    });
    var tools = Object.keys(totals).sort(function (a, b) { return totals[b] - totals[a]; });
    var max = Math.max.apply(null, tools.map(function (t) { return totals[t]; }).concat([1]));
    var row = 28, labelWidth = 220, barWidth = 300;
    var picture = svg("svg", { viewBox: "0 0 " + (labelWidth + barWidth + 60) + " " + Math.max(tools.length * row, row), role: "img", "aria-label": "Bar chart of the table below" });
    tools.forEach(function (tool, i) {
      var y = i * row;
      picture.appendChild(svg("text", { x: labelWidth - 8, y: y + 19, "text-anchor": "end", "font-size": "14", fill: "currentColor" }, tool));
      var width = Math.round(barWidth * totals[tool] / max);
      if (width) { picture.appendChild(svg("rect", { x: labelWidth, y: y + 5, width: width, height: row - 10, fill: "#1d70b8", stroke: "currentColor" })); }
      picture.appendChild(svg("text", { x: labelWidth + width + 6, y: y + 19, "font-size": "14", fill: "currentColor" }, totals[tool] ? String(totals[tool]) : "withheld"));
    });
    var holder = document.querySelector("[data-chart]");
    holder.textContent = "";
    holder.appendChild(picture);
  }
  function table(weeks) {
    var t = document.querySelector("[data-table]"), caption = t.querySelector("caption");
    t.textContent = "";
    t.appendChild(caption);
    var rows = [];
    weeks.forEach(function (w) {
      Object.keys(w.tools).forEach(function (k) { if (rows.indexOf("Tool: " + k) < 0) { rows.push("Tool: " + k); } });
      Object.keys(w.modes).forEach(function (k) { if (rows.indexOf("Mode: " + k) < 0) { rows.push("Mode: " + k); } });
    });
    rows.push("Escalations");
    weeks.forEach(function (w) { Object.keys(w.feedback).forEach(function (k) { if (rows.indexOf("Rated " + k) < 0) { rows.push("Rated " + k); } }); });
    var head = make("thead"), tr = make("tr");
    tr.appendChild(make("th", "Count")).setAttribute("scope", "col");
    weeks.forEach(function (w) { tr.appendChild(make("th", "Week of " + w.week_starting)).setAttribute("scope", "col"); });
    head.appendChild(tr);
    t.appendChild(head);
    var bodyRows = make("tbody");
    rows.forEach(function (name) {
      var r = make("tr");
      r.appendChild(make("th", name)).setAttribute("scope", "row");
      weeks.forEach(function (w) {
        var value;
        if (name === "Escalations") { value = w.escalations; }
        else if (name.indexOf("Tool: ") === 0) { value = w.tools[name.slice(6)]; }
        else if (name.indexOf("Mode: ") === 0) { value = w.modes[name.slice(6)]; }
        else { value = w.feedback[name.slice(6)]; }
        r.appendChild(make("td", value === undefined ? "0" : cell(value), "number"));
      });
      bodyRows.appendChild(r);
    });
    t.appendChild(bodyRows);
  }
  document.querySelector("[data-load-insights]").addEventListener("click", async function () {
    B.showError("");
    try {
      var response = await fetch("/v1/insights", { headers: B.headers() });
      if (!response.ok) { B.showError(await B.problem(response)); return; }
      var data = await response.json();
      if (!data.weeks.length) {
        document.querySelector("[data-chart]").textContent = "There are no conversations in these weeks yet.";
        table([]);
        panel.hidden = false;
        B.announce("There are no conversations in these weeks yet.");
        return;
      }
      chart(data.weeks);
      table(data.weeks);
      panel.hidden = false;
      B.announce("Insights for " + data.weeks.length + " weeks are shown below.");
    } catch (error) {
      B.showError("Balcony could not be reached. Check your connection and try again.");
    }
  });
})();
