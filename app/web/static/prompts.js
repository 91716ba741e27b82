/* Prompt cards: GET /v1/facilitator/prompts for one tool, printable. */
(function () {
  "use strict";
  var B = window.Balcony, make = B.make;
  var form = document.querySelector("[data-prompts-form]");
  var panel = document.querySelector("[data-cards]"), list = document.querySelector("[data-cards-list]");
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    var data = new FormData(form), query = new URLSearchParams({ tool: data.get("tool"), count: data.get("count") || "6" });
    var focus = String(data.get("focus") || "").trim();
    if (focus) { query.set("focus", focus); }
    B.showError("");
    try {
      var response = await fetch("/v1/facilitator/prompts?" + query, { headers: B.headers() });
      if (!response.ok) { B.showError(await B.problem(response)); return; }
      var cards = await response.json();
      document.querySelector("[data-cards-heading]").textContent = "Prompt cards: " + cards.title;
      list.textContent = "";
      cards.cards.forEach(function (card) {
        var li = make("li");
        li.appendChild(make("p", card.kind === "discussion" ? "Discussion" : "Reflection", "card-kind"));
        li.appendChild(make("p", card.text));
        li.appendChild(make("p", card.heading.replace(/ > /g, ": "), "hint"));
        list.appendChild(li);
      });
      panel.hidden = false;
      panel.focus();
      B.announce(cards.cards.length + " prompt cards for " + cards.title);
    } catch (error) {
      B.showError("Balcony could not be reached. Check your connection and try again.");
    }
  });
})();
