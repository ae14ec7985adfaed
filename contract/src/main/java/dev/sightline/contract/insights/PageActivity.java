package dev.sightline.contract.insights;

import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.PageChangeRun;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.FieldInteraction;
import dev.sightline.contract.wire.FormSubmit;
import dev.sightline.contract.wire.Request;
import dev.sightline.contract.wire.ScriptError;
import dev.sightline.contract.wire.Scroll;
import dev.sightline.contract.wire.Visibility;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the detectors read about one page view, from the stored streams only (never from
 * recordings, which expire). Event times are milliseconds since this page view's start, and every
 * list is in time order.
 *
 * @param earlier the one or two page views right before it in the session, nearest first (a page
 *                number that was never stored is left out, and so is everything before it)
 * @param next the page view right after it in the session, if one was stored (its {@code lastClick}
 *             is not read)
 * @param norm the scroll norm of its page key and device class
 */
public record PageActivity(PendingPageView pending, VisitedPage page, DeviceClass deviceClass, boolean bot,
                           List<VisitedPage> earlier, Optional<VisitedPage> next, List<Click> clicks, List<Scroll> scrolls,
                           List<ScriptError> errors, List<FieldInteraction> fields, List<FormSubmit> submits,
                           List<Request> requests, List<Visibility> visibility, List<PageChangeRun> changes,
                           ScrollNorm norm) {
    public PageActivity {
        Objects.requireNonNull(pending, "pending is null");
        Objects.requireNonNull(page, "page is null");
        Objects.requireNonNull(deviceClass, "deviceClass is null");
        earlier = List.copyOf(earlier);
        Objects.requireNonNull(next, "next is null");
        clicks = List.copyOf(clicks);
        scrolls = List.copyOf(scrolls);
        errors = List.copyOf(errors);
        fields = List.copyOf(fields);
        submits = List.copyOf(submits);
        requests = List.copyOf(requests);
        visibility = List.copyOf(visibility);
        changes = List.copyOf(changes);
        Objects.requireNonNull(norm, "norm is null");
    }
}
