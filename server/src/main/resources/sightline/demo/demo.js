/* Pulseboard demo site behaviour. Plain script, no dependencies. The Sightline tracker is installed
   by the two-line snippet in each page's <head>; this file only calls its queueing API. */
(function () {
  'use strict';

  function track() {
    if (typeof window.sightline === 'function') window.sightline.apply(null, arguments);
  }

  function $(selector) { return document.querySelector(selector); }

  function markCurrentNav() {
    var page = document.body.getAttribute('data-page');
    var link = page === 'pricing' ? $('#nav-pricing') : null;
    if (link) link.setAttribute('aria-current', 'page');
  }

  /* ---- Pricing: monthly/yearly toggle is an SPA route change (?billing=yearly) ---- */
  function billingFromUrl() {
    return new URLSearchParams(location.search).get('billing') === 'yearly' ? 'yearly' : 'monthly';
  }

  function showBilling(period) {
    document.querySelectorAll('[data-monthly]').forEach(function (el) {
      el.textContent = el.getAttribute('data-' + period);
    });
    document.querySelectorAll('#billing-switch button').forEach(function (btn) {
      btn.setAttribute('aria-pressed', String(btn.getAttribute('data-billing') === period));
    });
    document.title = (period === 'yearly' ? 'Pricing (yearly) — Pulseboard' : 'Pricing — Pulseboard');
  }

  function initPricing() {
    if (!$('#billing-switch')) return;
    showBilling(billingFromUrl());
    document.querySelectorAll('#billing-switch button').forEach(function (btn) {
      btn.addEventListener('click', function () {
        var period = btn.getAttribute('data-billing');
        if (period === billingFromUrl()) return;
        var url = period === 'yearly' ? 'pricing.html?billing=yearly' : 'pricing.html';
        history.pushState({ billing: period }, '', url);
        showBilling(period);
      });
    });
    window.addEventListener('popstate', function () { showBilling(billingFromUrl()); });

    document.querySelectorAll('[data-plan]').forEach(function (btn) {
      btn.addEventListener('click', function () {
        var plan = btn.getAttribute('data-plan');
        if (plan === 'pro') track('set', 'plan', 'pro');
        else track('set', 'plan', plan);
      });
    });

    // Deliberately broken: the coupon lookup returns nothing and the handler dereferences it.
    // Sightline shows this as an uncaught TypeError on the recording's timeline.
    var apply = $('#apply-coupon');
    if (apply) {
      apply.addEventListener('click', function () {
        $('#coupon-status').textContent = 'Checking your coupon…';
        var coupon = lookupCoupon($('#coupon-code').value);
        $('#coupon-status').textContent = 'Coupon applied: ' + coupon.discount.percent + '% off';
      });
    }
  }

  function lookupCoupon(code) {
    var known = { LAUNCH20: { discount: { percent: 20 } } };
    var found = known[String(code).trim().toUpperCase()];
    // The bug: the coupon that was found is never returned, so the caller gets undefined.
    void found;
  }

  /* ---- Sign-up: no real POST; success is an SPA route change to ?done=1 ---- */
  function initSignup() {
    var form = $('#signup-form');
    if (!form) return;
    var params = new URLSearchParams(location.search);
    var plan = params.get('plan');
    if (plan && $('#plan-radio-' + plan)) $('#plan-radio-' + plan).checked = true;

    function showDone(done, email) {
      $('#signup-view').hidden = done;
      $('#thanks-view').hidden = !done;
      if (email) $('#thanks-email').textContent = email;
      document.title = done ? 'Welcome — Pulseboard' : 'Start your free trial — Pulseboard';
      window.scrollTo(0, 0);
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var name = form.elements.name.value.trim();
      var email = form.elements.email.value.trim();
      var password = form.elements.password.value;
      var error = '';
      if (!name) error = 'Please tell us your name.';
      else if (email.indexOf('@') < 1) error = 'Please enter a valid work email.';
      else if (password.length < 8) error = 'Your password needs at least 8 characters.';
      else if (!form.elements.terms.checked) error = 'Please accept the terms to continue.';
      $('#signup-error').textContent = error;
      if (error) return;

      var chosen = form.querySelector('input[name="plan"]:checked');
      track('set', 'plan', chosen ? chosen.value : 'pro');
      track('event', 'signup');
      track('identify', email);
      history.pushState({ done: true }, '', 'signup.html?done=1');
      showDone(true, email);
    });

    window.addEventListener('popstate', function () {
      showDone(new URLSearchParams(location.search).get('done') === '1');
    });
    if (params.get('done') === '1') showDone(true);
  }

  function init() {
    markCurrentNav();
    initPricing();
    initSignup();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
