// The reports page: rows still queued or generating ask the server for their progress every
// two seconds and reload the page when a report is ready or has failed. Without JavaScript,
// refreshing the page shows the same progress.
(function () {
  "use strict";
  var rows = document.querySelectorAll("[data-report-status-url]");
  if (!rows.length || !window.fetch) {
    return;
  }
  function poll(row) {
    fetch(row.getAttribute("data-report-status-url"), {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (status) {
        if (!status) {
          return;
        }
        if (status.finished) {
          window.location.reload();
          return;
        }
        var tag = row.querySelector("[data-report-state] .govuk-tag");
        var progress = row.querySelector("[data-report-progress]");
        if (tag) {
          tag.textContent = status.state_label;
        }
        if (progress) {
          progress.textContent = status.progress + "% done";
        }
        window.setTimeout(function () { poll(row); }, 2000);
      })
      .catch(function () {
        window.setTimeout(function () { poll(row); }, 5000);
      });
  }
  rows.forEach(function (row) {
    window.setTimeout(function () { poll(row); }, 2000);
  });
})();
