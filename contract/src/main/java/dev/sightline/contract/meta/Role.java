package dev.sightline.contract.meta;

/** What a member may do in a project: admins manage it, members annotate, viewers only look. */
public enum Role {
    ADMIN, MEMBER, VIEWER;

    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
