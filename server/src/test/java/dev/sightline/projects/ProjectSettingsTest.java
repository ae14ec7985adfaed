package dev.sightline.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.meta.Project;
import dev.sightline.http.HttpProblem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectSettingsTest {
    private static final Project PROJECT = new Project("p1", "Shop", "key-1", List.of("https://shop.example"),
            MaskingMode.BALANCED, false, false, 30, 395, Instant.parse("2026-01-01T00:00:00Z"));

    private static ProjectSettingsRoutes.SettingsChange none() {
        return new ProjectSettingsRoutes.SettingsChange(null, null, null, null, null, null, null, null, null);
    }

    @Test
    void anEmptyChangeChangesNothing() {
        assertThat(ProjectSettingsRoutes.apply(PROJECT, none())).isEqualTo(PROJECT);
    }

    @Test
    void everyFieldCanChangeAndTheSiteKeyAndCreationStay() {
        Project changed = ProjectSettingsRoutes.apply(PROJECT, new ProjectSettingsRoutes.SettingsChange(" Shop EU ",
                List.of("https://EU.shop.example/"), "strict", ".private", "[data-public]", true, true, 14, 90));

        assertThat(changed).isEqualTo(new Project("p1", "Shop EU", "key-1", List.of("https://eu.shop.example"),
                MaskingMode.STRICT, true, true, 14, 90, PROJECT.createdAt(), ".private", "[data-public]"));
    }

    @Test
    void recordingsCannotOutliveTheirAnalyticsAndDaysStayInRange() {
        assertThatThrownBy(() -> ProjectSettingsRoutes.apply(PROJECT, new ProjectSettingsRoutes.SettingsChange(null, null,
                null, null, null, null, null, 100, 90))).isInstanceOf(HttpProblem.class).hasMessageContaining("longer");
        assertThatThrownBy(() -> ProjectSettingsRoutes.apply(PROJECT, new ProjectSettingsRoutes.SettingsChange(null, null,
                null, null, null, null, null, 0, null))).isInstanceOf(HttpProblem.class);
        assertThatThrownBy(() -> ProjectSettingsRoutes.apply(PROJECT, new ProjectSettingsRoutes.SettingsChange(null, null,
                null, null, null, null, null, null, ProjectSettingsRoutes.MAX_RETENTION_DAYS + 1)))
                .isInstanceOf(HttpProblem.class);
    }

    @Test
    void unknownMaskingModesAndBadSelectorsAreRefused() {
        assertThatThrownBy(() -> ProjectSettingsRoutes.apply(PROJECT, new ProjectSettingsRoutes.SettingsChange(null, null,
                "paranoid", null, null, null, null, null, null))).isInstanceOf(HttpProblem.class);
        assertThatThrownBy(() -> ProjectSettingsRoutes.apply(PROJECT, new ProjectSettingsRoutes.SettingsChange(null, null,
                null, "a:hover", null, null, null, null, null))).isInstanceOf(HttpProblem.class);
    }
}
