/* The plan builder: POST /v1/facilitator/plan, shown, printable, downloadable as Markdown. */
(function () {
  "use strict";
  var B = window.Balcony, make = B.make;
  var form = document.querySelector("[data-plan-form]");
  var panel = document.querySelector("[data-plan]"), body = document.querySelector("[data-plan-body]");
  var download = document.querySelector("[data-download]");

  function request() {
    var data = new FormData(form);
    var payload = {
      focus: String(data.get("focus") || "").trim(),
      duration_minutes: parseInt(data.get("duration_minutes"), 10),
      group_size: parseInt(data.get("group_size"), 10) || 8
    };
    var tools = data.getAll("tools");
    if (tools.length) { payload.tools = tools; }
    return payload;
  }
  function validate(payload) {
    if (!payload.focus) { return ["focus", "Describe the team's current challenge."]; }
    if (!(payload.duration_minutes >= 30 && payload.duration_minutes <= 240)) { return ["duration", "The length must be between 30 and 240 minutes."]; }
    if (payload.tools && payload.tools.length > 3) { return ["tool-" + payload.tools[3], "Choose at most three tools."]; }
    return null;
  }
  function clock(minutes) { return minutes + " min"; }
  function show(plan) {
    body.textContent = "";
    var title = make("h2", plan.title);
    title.id = "plan-title";
    body.appendChild(title);
    body.appendChild(make("p", "Focus: " + plan.focus));
    body.appendChild(make("p", plan.duration_minutes + " minutes, " + plan.group_size + " people."));
    body.appendChild(make("h3", "Objectives"));
    var objectives = make("ul");
    plan.objectives.forEach(function (o) { objectives.appendChild(make("li", o.text)); });
    body.appendChild(objectives);
    body.appendChild(make("h3", "Running order"));
    plan.segments.forEach(function (s) {
      var section = make("section", null, "segment");
      var h = make("h4");
      h.appendChild(make("span", clock(s.start_minute) + " to " + clock(s.start_minute + s.minutes) + ": ", "segment-time"));
      h.appendChild(document.createTextNode(s.title));
      section.appendChild(h);
      var steps = make("ul");
      s.activities.forEach(function (a) { steps.appendChild(make("li", "(" + a.minutes + " min) " + a.text)); });
      section.appendChild(steps);
      if (s.prompts.length) {
        section.appendChild(make("p", "Questions to put to the group:"));
        var prompts = make("ul");
        s.prompts.forEach(function (p) { prompts.appendChild(make("li", p)); });
        section.appendChild(prompts);
      }
      body.appendChild(section);
    });
    if (plan.materials.length) {
      body.appendChild(make("h3", "Materials"));
      var materials = make("ul");
      plan.materials.forEach(function (m) { materials.appendChild(make("li", m.item + (m.copies ? " (" + m.copies + " copies)" : ""))); });
      body.appendChild(materials);
    }
    body.appendChild(make("h3", "Sources"));
    var sources = make("ul");
    plan.sources.forEach(function (s) {
      var li = make("li");
      var a = make("a", s.heading.replace(/ > /g, ": "));
      a.href = "/source?" + new URLSearchParams({ tool_id: s.tool_id, heading: s.heading, source: s.source });
      li.appendChild(a);
      sources.appendChild(li);
    });
    body.appendChild(sources);
    plan.notes.forEach(function (n) { body.appendChild(make("p", n, "hint")); });
  }
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    var payload = request(), invalid = validate(payload);
    if (invalid) { B.showError(invalid[1]); return; }
    B.showError("");
    var json = fetch("/v1/facilitator/plan", {
      method: "POST", headers: B.headers({ "Content-Type": "application/json" }), body: JSON.stringify(payload)
    });
    var markdown = fetch("/v1/facilitator/plan?format=markdown", {
      method: "POST", headers: B.headers({ "Content-Type": "application/json" }), body: JSON.stringify(payload)
    });
    try {
      var response = await json;
      if (!response.ok) { B.showError(await B.problem(response)); return; }
      var plan = await response.json();
      show(plan);
      var text = await (await markdown).text();
      if (download.href.indexOf("blob:") === 0) { URL.revokeObjectURL(download.href); }
      download.href = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
      panel.hidden = false;
      panel.focus();
      B.announce("The plan is ready: " + plan.title);
    } catch (error) {
      B.showError("Balcony could not be reached. Check your connection and try again.");
    }
  });
})();
