package dev.sightline.projects;

import dev.sightline.contract.meta.Project;

/** The two script tags a site owner pastes into their pages. */
public final class InstallSnippet {
    private InstallSnippet() {
    }

    public static String of(Project project, String publicBaseUrl) {
        return "<script>window.sightline=window.sightline||function(){(sightline.q=sightline.q||[]).push(arguments)};</script>\n"
                + "<script async src=\"" + publicBaseUrl + "/sightline.js?k=" + project.siteKey() + "\"></script>";
    }
}
