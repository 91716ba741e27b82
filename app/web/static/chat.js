/* The web chat and the widget's frame: streams a reply, links citations, keeps the
   conversation for this tab only (sessionStorage: managers share desks). No build step. */
(function () {
  "use strict";
  var root = document.querySelector("[data-chat]");
  if (!root) { return; }
  var SESSION = "balcony.session", VISITOR = "balcony.visitor", KEY = "balcony.key";
  var inWidget = document.body.classList.contains("page-widget");
  var pick = function (selector) { return root.querySelector(selector); };
  var transcript = pick("[data-transcript]"), announcer = pick("[data-announce]");
  var errorBox = pick("[data-error]"), form = pick("[data-composer]");
  var box = form.querySelector("textarea"), sendButton = pick("[data-send]");
  var toolsPanel = pick("[data-tools]"), confirmPanel = pick("[data-confirm]");
  var summaryPanel = pick("[data-summary-panel]"), summaryBody = pick("[data-summary-body]");
  var summaryDownload = pick("[data-summary-download]");
  var busy = false;

  // -- identity: the site key (page) or the host page's key (widget), and a per-tab id --
  function siteKey() {
    var match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
    if (inWidget && match) {
      sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
      history.replaceState(null, "", location.pathname);  // not left in the address
    }
    var meta = document.querySelector('meta[name="balcony-key"]');
    return sessionStorage.getItem(KEY) || (meta ? meta.content : "");
  }
  function visitorId() {
    var id = sessionStorage.getItem(VISITOR);
    if (!id) {
      var bytes = new Uint8Array(16);
      crypto.getRandomValues(bytes);
      id = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      sessionStorage.setItem(VISITOR, id);
    }
    return id;
  }
  var key = siteKey();
  function headers(extra) {
    var h = { "X-Balcony-Visitor": visitorId() };
    if (key) { h.Authorization = "Bearer " + key; }
    for (var name in extra || {}) { h[name] = extra[name]; }
    return h;
  }
  var problem = window.balconyProblem;

  // -- showing text: a small, safe Markdown subset built as DOM nodes (never innerHTML) --
  var INLINE = /(\*\*[^*\n]+\*\*|\*[^*\n]+\*|_[^_\n]+_|\[\d{1,3}(?:\s*,\s*\d{1,3})*\])/;
  function sourceHref(source) {
    return "/source?" + new URLSearchParams({ tool_id: source.tool_id, heading: source.heading, source: source.source });
  }
  function link(href, text, label) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (inWidget) { a.target = "_blank"; a.rel = "noopener"; }
    if (label) { a.setAttribute("aria-label", label + (inWidget ? " (opens in a new tab)" : "")); }
    return a;
  }
  function inline(parent, text, sources) {
    text.split(INLINE).forEach(function (part, index) {
      if (!part) { return; }
      if (index % 2 === 0) { parent.appendChild(document.createTextNode(part)); return; }
      if (part.charAt(0) === "[") {
        part.slice(1, -1).split(",").forEach(function (raw, i) {
          var n = parseInt(raw, 10), source = sources[n - 1];
          if (i) { parent.appendChild(document.createTextNode(" ")); }
          parent.appendChild(source
            ? link(sourceHref(source), "[" + n + "]", "Source " + n + ": " + source.heading.replace(/ > /g, ", "))
            : document.createTextNode("[" + n + "]"));
        });
        return;
      }
      var strong = part.slice(0, 2) === "**";
      var inner = strong ? part.slice(2, -2) : part.slice(1, -1);
      var node = document.createElement(strong ? "strong" : "em");
      node.textContent = inner;
      var tool = sources.filter(function (s) { return s.title === inner && s.source.indexOf("knowledge/") === 0; })[0];
      if (tool && !strong) {
        var a = link("/tools/" + encodeURIComponent(tool.tool_id), "");
        a.appendChild(node);
        node = a;
      }
      parent.appendChild(node);
    });
  }
  function render(container, text, sources) {
    container.textContent = "";
    text.split(/\n{2,}/).forEach(function (block) {
      var list = null, para = null;
      block.split("\n").forEach(function (line) {
        var bullet = /^\s*[-*]\s+(.*)$/.exec(line), number = /^\s*\d+[.)]\s+(.*)$/.exec(line);
        var heading = /^(#{1,4})\s+(.*)$/.exec(line), quote = /^>\s?(.*)$/.exec(line);
        if (quote) {
          var blockquote = document.createElement("blockquote");
          inline(blockquote, quote[1], sources);
          container.appendChild(blockquote);
          list = para = null;
        } else if (heading) {
          var h = document.createElement("h" + Math.min(heading[1].length + 2, 6));
          inline(h, heading[2], sources);
          container.appendChild(h);
          list = para = null;
        } else if (bullet || number) {
          var tag = bullet ? "UL" : "OL";
          if (!list || list.tagName !== tag) { list = document.createElement(tag); container.appendChild(list); }
          var li = document.createElement("li");
          inline(li, (bullet || number)[1], sources);
          list.appendChild(li);
          para = null;
        } else if (line.trim()) {
          if (!para) { para = document.createElement("p"); container.appendChild(para); }
          else { para.appendChild(document.createElement("br")); }
          inline(para, line, sources);
          list = null;
        }
      });
    });
  }
  function plain(text) { return text.replace(/\*\*|[*_]/g, "").replace(/\s*\[\d+(?:,\s*\d+)*\]/g, ""); }

  // -- the transcript --
  function addMessage(role, text) {
    var li = document.createElement("li");
    li.className = "message " + (role === "user" ? "message-you" : "message-coach");
    var who = document.createElement("p");
    who.className = "message-who";
    who.textContent = role === "user" ? "You" : "Coach";
    var body = document.createElement("div");
    body.className = "message-body";
    if (text) { body.textContent = text; }
    li.appendChild(who);
    li.appendChild(body);
    transcript.appendChild(li);
    return li;
  }
  function finishMessage(li, text, sources, escalated) {
    var body = li.querySelector(".message-body");
    body.classList.remove("streaming");
    li.removeAttribute("aria-busy");
    render(body, text, sources);
    if (escalated) {
      li.classList.add("message-escalated");
      li.querySelector(".message-who").textContent = "Coach: please contact someone now";
    }
    if (sources.length) {
      var aside = document.createElement("div");
      aside.className = "sources";
      var h = document.createElement("h3");
      h.textContent = "Read more in the programme's material";
      var ol = document.createElement("ol");
      sources.forEach(function (s) {
        var item = document.createElement("li");
        item.appendChild(link(sourceHref(s), s.heading.replace(/ > /g, ": ")));
        ol.appendChild(item);
      });
      aside.appendChild(h);
      aside.appendChild(ol);
      li.appendChild(aside);
    }
  }
  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }
  function conversationStarted(id) {
    sessionStorage.setItem(SESSION, id);
    toolsPanel.hidden = false;
  }
  function forget() {
    sessionStorage.removeItem(SESSION);
    transcript.textContent = "";
    toolsPanel.hidden = true;
    confirmPanel.hidden = true;
    summaryPanel.hidden = true;
  }

  // -- sending: the reply streams in; the live region speaks once, when it is finished --
  async function readEvents(response, onEvent) {
    var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = "";
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) { break; }
      buffer += decoder.decode(chunk.value, { stream: true });
      var parts = buffer.split("\n\n");
      buffer = parts.pop();
      parts.forEach(function (part) {
        var event = "message", data = "";
        part.split("\n").forEach(function (line) {
          if (line.indexOf("event: ") === 0) { event = line.slice(7); }
          else if (line.indexOf("data: ") === 0) { data += line.slice(6); }
        });
        onEvent(event, data ? JSON.parse(data) : {});
      });
    }
  }
  async function send(text, mode) {
    var payload = { message: text, mode: mode };
    var session = sessionStorage.getItem(SESSION);
    if (session) { payload.session_id = session; }
    var you = addMessage("user", text);
    var coach = addMessage("assistant", "");
    coach.setAttribute("aria-busy", "true");
    var body = coach.querySelector(".message-body");
    body.classList.add("streaming");
    var reply = "", meta = null, failure = null;
    try {
      var response = await fetch("/v1/chat/stream", {
        method: "POST",
        headers: headers({ "Content-Type": "application/json", Accept: "text/event-stream" }),
        body: JSON.stringify(payload)
      });
      if (!response.ok) {
        failure = await problem(response);
        if (response.status === 404 && session) {
          sessionStorage.removeItem(SESSION);
          failure = "That conversation has ended or was deleted. Send your message again to start a new one.";
        }
      } else {
        await readEvents(response, function (event, data) {
          if (event === "token") { reply += data.text; body.textContent = reply; }
          else if (event === "sources") { meta = data; }
          else if (event === "error") { failure = data.detail; }
        });
      }
    } catch (error) {
      failure = "Balcony could not be reached. Check your connection and send again.";
    }
    if (failure || !meta) {
      coach.remove();
      you.classList.add("message-failed");
      you.querySelector(".message-who").textContent = "You (not sent)";
      throw new Error(failure || "The reply was cut short. Send your message again.");
    }
    conversationStarted(meta.session_id);
    var escalated = meta.safeguarding && meta.safeguarding.escalated;
    finishMessage(coach, reply, meta.sources || [], escalated);
    announcer.textContent = (escalated ? "Safeguarding. " : "The coach replied: ") + plain(reply);
  }
  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    if (busy) { return; }
    var text = box.value.trim();
    if (!text) { showError("Type what is happening first."); box.focus(); return; }
    var mode = form.querySelector('input[name="mode"]:checked').value;
    busy = true;
    sendButton.textContent = "Sending";
    sendButton.setAttribute("aria-disabled", "true");
    showError("");
    try {
      await send(text, mode);
      if (box.value.trim() === text) { box.value = ""; }  // kept if anything failed
    } catch (error) {
      showError(error.message + " Your message is still in the box.");
      box.focus();
    } finally {
      busy = false;
      sendButton.textContent = "Send";
      sendButton.removeAttribute("aria-disabled");
    }
  });

  // -- restoring the conversation after a reload --
  async function restore() {
    var session = sessionStorage.getItem(SESSION);
    if (!session) { return; }
    var response = await fetch("/v1/sessions/" + encodeURIComponent(session), { headers: headers() });
    if (!response.ok) { forget(); return; }
    var data = await response.json();
    data.messages.forEach(function (m) {
      var li = addMessage(m.role, m.role === "user" ? m.content : "");
      if (m.role === "assistant") { finishMessage(li, m.content, m.sources || [], m.escalated); }
      else if (m.status !== "ok") { li.querySelector(".message-who").textContent = "You (no reply yet)"; }
    });
    toolsPanel.hidden = false;
  }

  // -- the summary to take to supervision, and erasing the conversation --
  pick("[data-summary]").addEventListener("click", async function () {
    var session = sessionStorage.getItem(SESSION);
    if (!session) { return; }
    showError("");
    var response = await fetch("/v1/sessions/" + encodeURIComponent(session) + "/summary?format=markdown",
      { headers: headers({ Accept: "text/markdown" }) });
    if (!response.ok) { showError(await problem(response)); return; }
    var text = await response.text();
    render(summaryBody, text, []);
    if (summaryDownload.href.indexOf("blob:") === 0) { URL.revokeObjectURL(summaryDownload.href); }
    summaryDownload.href = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
    summaryPanel.hidden = false;
    summaryPanel.focus();
  });
  pick("[data-print]").addEventListener("click", function () {
    document.body.classList.add("printing-summary");
    window.print();
  });
  window.addEventListener("afterprint", function () { document.body.classList.remove("printing-summary"); });
  pick("[data-delete]").addEventListener("click", function () {
    confirmPanel.hidden = false;
    confirmPanel.focus();
  });
  pick("[data-cancel-delete]").addEventListener("click", function () {
    confirmPanel.hidden = true;
    pick("[data-delete]").focus();
  });
  pick("[data-confirm-delete]").addEventListener("click", async function () {
    var session = sessionStorage.getItem(SESSION);
    var response = await fetch("/v1/sessions/" + encodeURIComponent(session), { method: "DELETE", headers: headers() });
    if (!response.ok && response.status !== 404) { showError(await problem(response)); return; }
    forget();
    announcer.textContent = "The conversation was deleted.";
    box.focus();
  });

  // In the widget, Escape closes the panel (the host page owns the dialog).
  if (inWidget) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && window.parent !== window) {
        window.parent.postMessage({ type: "balcony:close" }, "*");
      }
    });
  }
  restore().catch(function () { forget(); });
})();
