package dev.sightline.sessions;

import dev.sightline.contract.store.DeviceClass;
import java.util.Locale;
import java.util.Set;
import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;

/**
 * Device class, browser and operating system from a user-agent string, by Yauaa (a rule-based parser
 * that knows tens of thousands of agents). Building its analyzer takes seconds, so one is shared per
 * process and results are cached.
 */
public final class UserAgentClassifier {

    /** What a user agent says about the visitor. */
    public record Agent(DeviceClass deviceClass, String browser, String browserVersion, String os, boolean robot) {
    }

    private static final Set<String> ROBOT_CLASSES = Set.of("Robot", "Robot Mobile", "Robot Imitator", "Spy", "Hacker");
    private static final Set<String> MOBILE_CLASSES = Set.of("Phone", "Mobile", "Watch", "Handheld Game Console");
    private static final Set<String> TABLET_CLASSES = Set.of("Tablet", "eReader");

    private static volatile UserAgentAnalyzer shared;

    private final UserAgentAnalyzer analyzer;

    private UserAgentClassifier(UserAgentAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The process-wide classifier; the first call builds the analyzer. */
    public static UserAgentClassifier shared() {
        UserAgentAnalyzer analyzer = shared;
        if (analyzer == null) {
            synchronized (UserAgentClassifier.class) {
                analyzer = shared;
                if (analyzer == null) {
                    analyzer = UserAgentAnalyzer.newBuilder()
                            .hideMatcherLoadStats()
                            .withCache(20_000)
                            .withField(UserAgent.DEVICE_CLASS)
                            .withField(UserAgent.AGENT_CLASS)
                            .withField(UserAgent.AGENT_NAME)
                            .withField(UserAgent.AGENT_VERSION_MAJOR)
                            .withField(UserAgent.OPERATING_SYSTEM_NAME)
                            .withField(UserAgent.OPERATING_SYSTEM_VERSION_MAJOR)
                            .build();
                    shared = analyzer;
                }
            }
        }
        return new UserAgentClassifier(analyzer);
    }

    public Agent classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return new Agent(DeviceClass.OTHER, "Unknown", "", "Unknown", true);
        }
        UserAgent parsed = analyzer.parse(userAgent);
        String deviceClass = parsed.getValue(UserAgent.DEVICE_CLASS);
        String agentClass = parsed.getValue(UserAgent.AGENT_CLASS);
        boolean robot = ROBOT_CLASSES.contains(deviceClass) || ROBOT_CLASSES.contains(agentClass)
                || userAgent.toLowerCase(Locale.ROOT).contains("headless");
        return new Agent(deviceClassOf(deviceClass), known(parsed.getValue(UserAgent.AGENT_NAME)),
                known(parsed.getValue(UserAgent.AGENT_VERSION_MAJOR)), osOf(parsed), robot);
    }

    private static DeviceClass deviceClassOf(String yauaaClass) {
        if (MOBILE_CLASSES.contains(yauaaClass) || "Robot Mobile".equals(yauaaClass)) {
            return DeviceClass.MOBILE;
        }
        if (TABLET_CLASSES.contains(yauaaClass)) {
            return DeviceClass.TABLET;
        }
        if ("Desktop".equals(yauaaClass) || "Robot".equals(yauaaClass) || "Anonymized".equals(yauaaClass)) {
            return DeviceClass.DESKTOP;
        }
        return DeviceClass.OTHER;
    }

    private static String osOf(UserAgent parsed) {
        String name = known(parsed.getValue(UserAgent.OPERATING_SYSTEM_NAME));
        String version = known(parsed.getValue(UserAgent.OPERATING_SYSTEM_VERSION_MAJOR));
        if (version.isEmpty() || name.equals("Unknown") || name.equals("Linux")) {
            return name;
        }
        return name + " " + version;
    }

    /** Yauaa marks unknown versions with {@code ??} and missing values with {@code <<...>>}. */
    private static String known(String value) {
        if (value == null || value.startsWith("??") || value.startsWith("<<")) {
            return "";
        }
        return value;
    }
}
