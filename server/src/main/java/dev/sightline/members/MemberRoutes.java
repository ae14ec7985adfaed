package dev.sightline.members;

import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.Invite;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.PublicUrl;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import dev.sightline.web.SignedInRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/projects/{projectId}/members} and {@code …/invites}: everyone in a project sees who else
 * is in it; its admins add people (or invite them), change roles, remove members and revoke invitations.
 */
public final class MemberRoutes implements Routes {

    record NewMember(String email, String role) {
    }

    record RoleChange(String role) {
    }

    private final Members members;
    private final MetadataStore metadata;
    private final JsonBodies bodies;
    private final PublicUrl publicUrl;

    public MemberRoutes(Members members, MetadataStore metadata, JsonBodies bodies, PublicUrl publicUrl) {
        this.members = members;
        this.metadata = metadata;
        this.bodies = bodies;
        this.publicUrl = publicUrl;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects/{projectId}/members", ctx -> ctx.json(members.of(RouteGuard.project(ctx).id()).stream()
                .map(m -> view(m, ctx)).toList()), RouteAccess.PROJECT_VIEWER);
        routes.post("/api/projects/{projectId}/members", this::add, RouteAccess.PROJECT_ADMIN);
        routes.patch("/api/projects/{projectId}/members/{accountId}", ctx -> {
            RoleChange change = bodies.read(ctx, RoleChange.class);
            members.changeRole(RouteGuard.project(ctx).id(), ctx.pathParam("accountId"), Members.role(change.role()));
            ctx.status(204);
        }, RouteAccess.PROJECT_ADMIN);
        routes.delete("/api/projects/{projectId}/members/{accountId}", ctx -> {
            members.remove(RouteGuard.project(ctx).id(), ctx.pathParam("accountId"));
            ctx.status(204);
        }, RouteAccess.PROJECT_ADMIN);
        routes.get("/api/projects/{projectId}/invites", ctx -> ctx.json(members.invites(RouteGuard.project(ctx).id())
                .stream().map(this::view).toList()), RouteAccess.PROJECT_ADMIN);
        routes.delete("/api/projects/{projectId}/invites/{inviteId}", ctx -> {
            members.revokeInvite(RouteGuard.project(ctx).id(), ctx.pathParam("inviteId"));
            ctx.status(204);
        }, RouteAccess.PROJECT_ADMIN);
    }

    private void add(Context ctx) {
        NewMember form = bodies.read(ctx, NewMember.class);
        Members.Added added = members.add(RouteGuard.project(ctx).id(), form.email(), Members.role(form.role()),
                SignedInRequests.of(ctx).account().id());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("member", added.member().map(m -> view(m, ctx)).orElse(null));
        answer.put("invite", added.invite().map(invite -> {
            Map<String, Object> view = view(invite);
            view.put("link", publicUrl.of(ctx) + "/invite/" + added.inviteSecret().orElseThrow());
            return view;
        }).orElse(null));
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(answer);
    }

    private static Map<String, Object> view(Members.Member member, Context ctx) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("accountId", member.accountId());
        view.put("email", member.email());
        view.put("role", member.role().name());
        view.put("owner", member.owner());
        view.put("you", member.accountId().equals(SignedInRequests.of(ctx).account().id()));
        return view;
    }

    private Map<String, Object> view(Invite invite) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", invite.id());
        view.put("email", invite.email());
        view.put("role", invite.role().name());
        view.put("invitedBy", metadata.account(invite.invitedBy()).map(Account::email).orElse(null));
        view.put("createdAt", invite.createdAt().toEpochMilli());
        view.put("expiresAt", invite.expiresAt().toEpochMilli());
        return view;
    }
}
