// Autocomplete for the search box: progressive enhancement, the form works without it.
(function () {
  'use strict';
  var input = document.getElementById('zoekvraag');
  var list = document.getElementById('zoek-suggesties');
  if (!input || !list || !window.fetch) return;
  var timer = null;
  var last = '';
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) return;
      last = q;
      fetch('/zoeken/suggest?q=' + encodeURIComponent(q), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) {
          while (list.firstChild) list.removeChild(list.firstChild);
          items.forEach(function (it) {
            var opt = document.createElement('option');
            opt.value = it.title;
            list.appendChild(opt);
          });
        })
        .catch(function () { /* no suggestions: the search still works */ });
    }, 150);
  });
})();
