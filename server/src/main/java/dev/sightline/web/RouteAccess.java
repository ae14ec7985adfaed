package dev.sightline.web;

import dev.sightline.contract.meta.Role;
import io.javalin.security.RouteRole;
import java.util.Optional;

/**
 * Who may call a route. Every route declares one when it is added
 * ({@code routes.get(path, handler, RouteAccess.PROJECT_READ)}); {@link RouteGuard} enforces it before
 * the handler runs, so a handler of a project route only ever sees a caller allowed into that project.
 * Project levels read the project from the {@code {projectId}} path parameter.
 */
public enum RouteAccess implements RouteRole {
    /** Anyone: the tracker's endpoints, sign-in, the dashboard's pages. */
    PUBLIC(null),
    /** Any signed-in account. */
    SIGNED_IN(null),
    /** Reading a project's analytics: viewers and up, and API tokens of the project ({@code GET} only). */
    PROJECT_READ(Role.VIEWER),
    /** Seeing a project's set-up (members, settings): viewers and up; not API tokens. */
    PROJECT_VIEWER(Role.VIEWER),
    /** Annotating a project's data (keeping a recording): members and admins. */
    PROJECT_MEMBER(Role.MEMBER),
    /** Managing a project: its admins and the owner. */
    PROJECT_ADMIN(Role.ADMIN),
    /** The instance's owner only: creating projects, the login audit. */
    OWNER(null);

    private final Role projectRole;

    RouteAccess(Role projectRole) {
        this.projectRole = projectRole;
    }

    /** The role a caller needs in the route's project, for project levels. */
    public Optional<Role> projectRole() {
        return Optional.ofNullable(projectRole);
    }
}
