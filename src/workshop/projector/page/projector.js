/* The projector page: asks the server for the frame twice a second and draws it when it
   changed. Everything from the session is put in as text (textContent), never as HTML, so a
   group called <script> is shown as typed. Nothing is fetched but this server's state.json. */
(function () {
  "use strict";

  var POLL_MS = 500;
  var TIMEOUT_MS = 3000;
  var shownVersion = null;
  var failures = 0;

  function byId(id) { return document.getElementById(id); }

  function setText(id, value) {
    var node = byId(id);
    node.textContent = value || "";
    node.hidden = !value;
  }

  function span(className, value) {
    var node = document.createElement("span");
    node.className = className;
    node.textContent = value;
    return node;
  }

  function optionRow(bar) {
    var row = document.createDocumentFragment();
    var track = span("track tone-" + bar.tone, "");
    var fill = span("fill", "");
    fill.style.width = bar.width + "%";
    track.appendChild(fill);
    track.setAttribute("aria-hidden", "true");
    row.appendChild(span("label", bar.label));
    row.appendChild(track);
    row.appendChild(span("count", String(bar.count)));
    row.appendChild(span("share", bar.share === null ? "" : bar.share + "%"));
    return row;
  }

  function drawVotes(votes) {
    var box = byId("votes");
    box.replaceChildren();
    box.hidden = !votes;
    if (!votes) { return; }
    votes.bars.forEach(function (bar) { box.appendChild(optionRow(bar)); });
    var summary = document.createElement("p");
    summary.className = votes.over ? "summary over" : "summary";
    summary.textContent = votes.summary;
    box.appendChild(summary);
  }

  function drawSigned(signed) {
    var list = byId("signed");
    list.replaceChildren();
    list.hidden = !(signed && signed.length);
    (signed || []).forEach(function (one) {
      var item = document.createElement("li");
      item.appendChild(span("organisation", one.organisation));
      if (one.role) { item.appendChild(span("role", " · " + one.role)); }
      list.appendChild(item);
    });
  }

  function draw(frame) {
    var view = frame.view;
    if (!view) {
      setText("group", "");
      setText("step", "");
      setText("heading", "");
      setText("text", frame.waiting || "Waiting for the session…");
      setText("detail", "");
      drawVotes(null);
      drawSigned(null);
      setText("blanked", "");
      document.title = "Workshop projector";
      return;
    }
    setText("group", view.group + " · " + view.date);
    setText("step", view.position + " " + view.step_title);
    setText("heading", view.heading);
    setText("text", view.text);
    setText("detail", view.detail);
    drawVotes(view.votes);
    drawSigned(view.signed);
    setText("blanked", view.note);
    document.title = view.step_title + " · " + view.group;
  }

  function status(frame) {
    if (failures > 2) {
      setText("status", "Lost contact with workshop serve: retrying…");
    } else {
      setText("status", frame && frame.problem ? frame.problem : "");
    }
  }

  function poll() {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    fetch("state.json", { cache: "no-store", signal: controller.signal })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (frame) {
        failures = 0;
        if (frame.version !== shownVersion) {
          draw(frame);
          shownVersion = frame.version;
        }
        status(frame);
      })
      .catch(function () {
        failures += 1;
        status(null);
      })
      .finally(function () {
        clearTimeout(timer);
        setTimeout(poll, POLL_MS);
      });
  }

  poll();
}());
