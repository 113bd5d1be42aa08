// Runs first in <body>: marks the page as able to run GOV.UK Frontend's JavaScript.
// An external file rather than GOV.UK's inline snippet, so the CSP needs no hash.
document.body.className +=
  " js-enabled" +
  ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
