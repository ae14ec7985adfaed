// rrweb's recorder alone, as its README sets it up: defaults, events gathered and sent every 5 s,
// gzip'd with CompressionStream; what is left when the page goes away leaves by sendBeacon.
;(function () {
  var events = [];
  rrwebRecord.record({ emit: function (e) { events.push(e); } });
  function send(beacon) {
    if (!events.length) return;
    var text = JSON.stringify(events);
    events = [];
    if (beacon) { navigator.sendBeacon('/rrweb-collect', text); return; }
    new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob()
      .then(function (body) { return fetch('/rrweb-collect', { method: 'POST', body: body, keepalive: body.size < 60000 }); })
      .catch(function () {});
  }
  setInterval(send, 5000);
  addEventListener('pagehide', function () { send(true); });
})();
