// Copy buttons: each names the field it copies (data-copy). Without this script they stay hidden and the
// field, read-only and selectable, is copied by hand.
(function () {
  'use strict';
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var field = document.getElementById(button.getAttribute('data-copy'));
      if (field) {
        navigator.clipboard.writeText(field.value);
      }
    });
  });
})();
