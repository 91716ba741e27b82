/* What went wrong, in words a person can act on: the API's problem detail, or the status.
   Shared by the chat and the facilitator pages (loaded before either). */
(function () {
  "use strict";
  window.balconyProblem = async function (response) {
    try {
      var body = await response.json();
      if (typeof body.detail === "string") { return body.detail; }
      if (Array.isArray(body.detail) && body.detail.length) {
        var first = body.detail[0];
        return (first.loc ? first.loc[first.loc.length - 1] + ": " : "") + first.msg;
      }
    } catch (ignored) { /* not JSON */ }
    return "Balcony could not answer (status " + response.status + ").";
  };
})();
