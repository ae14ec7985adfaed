// Stands in for the Sightline tracker while test fixtures are recorded: rrweb's record() plus the
// `sightline(...)` queue API of the demo pages. Every event goes to window.__slEmit, a Playwright
// binding, together with the page's URL and title.
import { record } from 'rrweb';

// Messages of a page that is being left can arrive after those of the next page: each document
// gets an id so that the fixture builder can keep them apart.
const doc = Math.random().toString(36).slice(2);
const send = (kind, payload) => {
  try {
    window.__slEmit(JSON.stringify({ kind, doc, href: location.href, title: document.title, payload }));
  } catch (e) {
    // the binding is missing outside the fixture run
  }
};

record({
  emit: (event) => send('rrweb', event),
  maskAllInputs: true,
  inlineStylesheet: true,
  sampling: { mousemove: 50, scroll: 100 },
});

function handle(args) {
  const [command, ...rest] = Array.from(args);
  if (command === 'event') record.addCustomEvent('sightline-event', { name: String(rest[0]) });
  else send('api', { command, args: rest.map(String) });
}
const queued = (window.sightline && window.sightline.q) || [];
window.sightline = function () { handle(arguments); };
queued.forEach(handle);

window.addEventListener('error', (event) => {
  record.addCustomEvent('sightline-error', { message: String(event.message) });
});

// An SPA route change starts a new page: it gets its own Meta + FullSnapshot, as with the tracker.
for (const method of ['pushState', 'replaceState']) {
  const original = history[method];
  history[method] = function () {
    const before = location.href;
    const result = original.apply(this, arguments);
    if (location.href !== before) setTimeout(() => record.takeFullSnapshot(true), 0);
    return result;
  };
}
window.addEventListener('popstate', () => setTimeout(() => record.takeFullSnapshot(true), 0));
