/* Balcony's intranet widget: <script src="https://balcony.example/widget.js" data-key="..." defer>.
   Adds a button that opens the chat in a modal dialog holding an iframe of /widget, so the
   host page's styles cannot reach it. Only origins on Balcony's allowlist may frame it. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || document.querySelector("[data-balcony-widget]")) { return; }
  var origin = new URL(script.src).origin;
  var key = script.getAttribute("data-key") || "";
  var label = script.getAttribute("data-label") || "Think it through with Balcony";

  function style(node, rules) { for (var name in rules) { node.style[name] = rules[name]; } }
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = label;
  button.setAttribute("data-balcony-widget", "");
  button.setAttribute("aria-haspopup", "dialog");
  style(button, {
    position: "fixed", right: "1rem", bottom: "1rem", zIndex: "2147483000", minHeight: "44px",
    padding: "0.5rem 1rem", font: "700 1rem Arial, sans-serif", color: "#ffffff",
    background: "#00703c", border: "2px solid #002d18", borderRadius: "0", cursor: "pointer"
  });
  button.addEventListener("focus", function () { style(button, { background: "#ffdd00", color: "#0b0c0c", outline: "3px solid #0b0c0c" }); });
  button.addEventListener("blur", function () { style(button, { background: "#00703c", color: "#ffffff", outline: "" }); });

  var dialog = document.createElement("dialog");
  dialog.setAttribute("aria-label", "Balcony reflection coach");
  style(dialog, {
    padding: "0", border: "2px solid #0b0c0c", width: "min(28rem, 100vw)", maxWidth: "100vw",
    height: "min(42rem, 100vh)", maxHeight: "100vh", margin: "auto 0 0 auto", background: "#ffffff"
  });
  var bar = document.createElement("div");
  style(bar, { display: "flex", justifyContent: "flex-end", background: "#0b0c0c", padding: "4px" });
  var close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  style(close, {
    minHeight: "36px", minWidth: "64px", font: "700 1rem Arial, sans-serif", color: "#0b0c0c",
    background: "#ffffff", border: "2px solid #ffffff", borderRadius: "0", cursor: "pointer"
  });
  close.addEventListener("focus", function () { style(close, { background: "#ffdd00", outline: "3px solid #ffdd00" }); });
  close.addEventListener("blur", function () { style(close, { background: "#ffffff", outline: "" }); });
  var frame = document.createElement("iframe");
  frame.title = "Balcony reflection coach";
  style(frame, { border: "0", width: "100%", height: "calc(100% - 48px)", display: "block" });
  bar.appendChild(close);
  dialog.appendChild(bar);
  dialog.appendChild(frame);

  function open() {
    if (!frame.src) {
      // The key travels in the fragment, which is never sent to a server or a log.
      frame.src = origin + "/widget" + (key ? "#key=" + encodeURIComponent(key) : "");
    }
    dialog.showModal();
    button.setAttribute("aria-expanded", "true");
    frame.focus();
  }
  function shut() { if (dialog.open) { dialog.close(); } }
  dialog.addEventListener("close", function () {
    button.setAttribute("aria-expanded", "false");
    button.focus();
  });
  button.addEventListener("click", open);
  close.addEventListener("click", shut);
  window.addEventListener("message", function (event) {
    if (event.origin === origin && event.source === frame.contentWindow &&
        event.data && event.data.type === "balcony:close") { shut(); }
  });
  button.setAttribute("aria-expanded", "false");
  document.body.appendChild(button);
  document.body.appendChild(dialog);
})();
