/* What the scenario pages do: working controls, broken ones, and a few deliberate errors. */
(function () {
  'use strict';
  function $(id) { return document.getElementById(id); }
  function on(id, fn) { var el = $(id); if (el) el.addEventListener('click', fn); }
  function say(text) { $('status').textContent = text; }
  var count = 0;

  on('add-to-cart', function () { count++; $('cart-count').textContent = count + (count === 1 ? ' item' : ' items'); });
  ['size-s', 'size-m', 'size-l'].forEach(function (id) {
    on(id, function () { $(id).setAttribute('aria-pressed', String($(id).getAttribute('aria-pressed') !== 'true')); });
  });
  on('plan-card', function () { $('plan-card').classList.toggle('selected'); });
  on('menu-toggle', function () { $('menu').hidden = !$('menu').hidden; });
  on('save-wishlist', function () { fetch('ping', { method: 'POST' }); });
  on('fake-link', function (e) { e.preventDefault(); });
  on('coupon-error', function () {
    say('Checking your coupon…');
    var coupon = null;
    say('Coupon: ' + coupon.code);
  });
  on('async-error', function () {
    fetch('ping').then(function () {
      say('Checking stock…');
      return Promise.reject(new Error('Stock service unavailable'));
    });
  });
  on('late-error', function () {
    say('Looking up your order…');
    setTimeout(function () { throw new Error('Tracking timed out'); }, 500);
  });
  on('slow-job', function () {
    say('Export started');
    setTimeout(function () { throw new Error('Export worker crashed'); }, 3000);
  });

  /* errors.html?case=…: errors raised once the tracker runs, as late widgets raise them. */
  function whenTracked(fn) {
    if (window.sightline && window.sightline.live) setTimeout(fn, 300);
    else setTimeout(function () { whenTracked(fn); }, 50);
  }
  var errorCase = document.body.getAttribute('data-errors') !== null && new URLSearchParams(location.search).get('case');
  if (errorCase) {
    whenTracked(function () {
      if (errorCase === 'throw' || errorCase === 'both') setTimeout(function () { throw new Error('Reviews widget failed to load'); });
      if (errorCase === 'reject' || errorCase === 'both') Promise.reject(new Error('Recommendations request rejected'));
      if (errorCase === 'console') console.error('Recommendations are slow today');
      if (errorCase === 'caught') { try { JSON.parse('{oops'); } catch (e) { void e; } }
      if (errorCase === 'image') { var img = new Image(); img.src = 'missing-banner.png'; document.body.appendChild(img); }
    });
  }
})();
