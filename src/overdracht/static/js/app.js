// Overdracht: a little JavaScript of our own. Everything works without it.
// After a form comes back with errors, move keyboard focus to the first message.
document.addEventListener("DOMContentLoaded", function () {
  var firstError = document.querySelector(".form-errors, .field-error input, .field-error select");
  if (firstError) {
    if (!firstError.hasAttribute("tabindex") && firstError.classList.contains("form-errors")) {
      firstError.setAttribute("tabindex", "-1");
    }
    firstError.focus();
  }
});
