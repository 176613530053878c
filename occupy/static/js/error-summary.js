// After a failed submit, move the focus to the summary of errors at the top of the form's page, so that a screen
// reader reads it first and a keyboard user can follow its links to the fields. Without JavaScript the summary
// is simply first in the main content.
(function () {
  "use strict";
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
})();
