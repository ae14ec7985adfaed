package dev.sightline.projects;

import dev.sightline.auth.SignedIn;
import dev.sightline.contract.meta.Membership;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.meta.Role;
import dev.sightline.http.HttpProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Who may see which project. The owner sees every project; others see the projects they are members
 * of, with their role. A project someone may not see answers 404, so ids reveal nothing.
 */
public final class Access {

    /** A project and the role the signed-in account has in it. */
    public record Visible(Project project, Role role) {
    }

    private final MetadataStore metadata;

    public Access(MetadataStore metadata) {
        this.metadata = Objects.requireNonNull(metadata, "metadata is null");
    }

    public Project require(SignedIn who, String projectId, Role needed) {
        return admit(who, projectId, needed).project();
    }

    /** The project and the caller's role in it: 404 when they may not see it, 403 when the role is too small. */
    public Visible admit(SignedIn who, String projectId, Role needed) {
        Visible visible = find(who, projectId).orElseThrow(() -> HttpProblem.notFound("project"));
        if (!visible.role().atLeast(needed)) {
            throw HttpProblem.forbidden("role", "this needs the " + needed.name().toLowerCase() + " role in the project");
        }
        return visible;
    }

    public Optional<Visible> find(SignedIn who, String projectId) {
        Optional<Project> project = metadata.project(projectId);
        if (project.isEmpty()) {
            return Optional.empty();
        }
        if (who.account().owner()) {
            return Optional.of(new Visible(project.get(), Role.ADMIN));
        }
        return metadata.memberships(who.account().id()).stream()
                .filter(m -> m.projectId().equals(projectId))
                .findFirst()
                .map(m -> new Visible(project.get(), m.role()));
    }

    public List<Visible> visible(SignedIn who) {
        List<Visible> result = new ArrayList<>();
        if (who.account().owner()) {
            metadata.projects().forEach(p -> result.add(new Visible(p, Role.ADMIN)));
        } else {
            Map<String, Project> byId = metadata.projects().stream()
                    .collect(Collectors.toMap(Project::id, Function.identity()));
            for (Membership membership : metadata.memberships(who.account().id())) {
                Project project = byId.get(membership.projectId());
                if (project != null) {
                    result.add(new Visible(project, membership.role()));
                }
            }
        }
        result.sort(Comparator.comparing(v -> v.project().name().toLowerCase()));
        return result;
    }
}
