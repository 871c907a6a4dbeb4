// Choosing a stored query from the menu loads it (its text and parameter fields) from the server.
(function () {
  "use strict";
  var menu = document.getElementById("name");
  if (!menu) { return; }
  menu.addEventListener("change", function () {
    var target = "/query";
    if (menu.value) { target += "?name=" + encodeURIComponent(menu.value); }
    window.location.assign(target);
  });
  // Ctrl+Enter in the editor runs the query.
  var editor = document.getElementById("editor");
  var run = document.getElementById("run");
  if (editor && run) {
    editor.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run.click(); }
    });
  }
})();
