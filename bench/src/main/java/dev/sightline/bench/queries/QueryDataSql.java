package dev.sightline.bench.queries;

import dev.sightline.contract.store.Channel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statements that fill {@link QueryData}: everything computed from the row number with DuckDB's
 * deterministic {@code hash()} and {@code md5()}, so a session's page views and clicks agree with its
 * row (same device, same page count) without joins, and a run can name any session by its number.
 */
final class QueryDataSql {
    private static final String CHANNELS = Arrays.stream(Channel.values()).map(c -> "'" + c.name() + "'")
            .collect(Collectors.joining(", ", "([", "])"));

    private QueryDataSql() {
    }

    static String sessionId(long n) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Long.toString(n).getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> statements(QueryData data) {
        long n = data.sessions();
        String key = "'" + data.project().length() + ":" + data.project() + "/'";
        String project = "'" + data.project() + "'";
        long spanMicros = 30L * 86_400_000_000L;
        String start = "make_timestamp(" + data.start().toEpochMilli() * 1000 + ")";
        // a session's values as functions of its number s
        String startedAt = "(" + start + " + to_microseconds((s::HUGEINT * " + spanMicros + " // " + n + ")::BIGINT))";
        String pages = "(1 + hash(s * 3) % 5)::INT";
        String durationMs = "(5000 + hash(s * 5) % 900000)::BIGINT";
        String device = "(CASE WHEN hash(s) % 100 < 60 THEN 'DESKTOP' WHEN hash(s) % 100 < 95 THEN 'MOBILE' ELSE 'TABLET' END)";
        String viewport = "(CASE WHEN hash(s) % 100 < 60 THEN 1280 WHEN hash(s) % 100 < 95 THEN 390 ELSE 820 END)";
        String pageUrl = "(CASE WHEN p = 1 THEN '" + QueryData.HOME + "' ELSE '" + QueryData.HOME + "p/' || (hash(s * 31 + p) % 50) END)";
        return List.of(
                """
                INSERT INTO sessions
                SELECT %1$s || md5(s::VARCHAR), %2$s, md5(s::VARCHAR), md5((s // 2)::VARCHAR), %3$s, %3$s,
                       %3$s + to_milliseconds(%5$s), %4$s, 10, (hash(s * 7) %% 20 = 0)::INT, %5$s // 2, %4$s * 2, 0,
                       %6$s, (['Chrome', 'Safari', 'Firefox', 'Edge'])[1 + (hash(s * 11) %% 4)::BIGINT], '156',
                       (['Windows', 'macOS', 'Android', 'iOS', 'Linux'])[1 + (hash(s * 13) %% 5)::BIGINT],
                       (['US', 'DE', 'GB', 'FR', 'IN', 'BR', 'JP', '--'])[1 + (hash(s * 17) %% 8)::BIGINT], hash(s * 19) %% 100 < 3, 0,
                       '%7$s', '', '', %9$s[1 + (hash(s * 23) %% %10$d)::BIGINT],
                       '', '', '', '', '', %4$s, '%7$sp/' || (hash(s * 31 + %4$s) %% 50), 0, NULL, s %% 2 = 0
                FROM range(%8$d) t(s)""".formatted(key, project, startedAt, pages, durationMs, device, QueryData.HOME, n,
                        CHANNELS, Channel.values().length),
                """
                INSERT INTO visitors
                SELECT %1$s || md5(v::VARCHAR), %2$s, md5(v::VARCHAR), md5((v * 2)::VARCHAR), %3$s
                FROM range(%4$d) t(v)""".formatted(key, project, startedAt.replace("s::HUGEINT", "(v * 2)::HUGEINT"), (n + 1) / 2),
                """
                INSERT INTO page_views
                SELECT %1$s, md5(s::VARCHAR), p, %2$s, 0, %3$s, %3$s, %4$s, %5$s, 800, 0, 'Page ' || p, 2147483647, '',
                       %2$s + to_milliseconds((p - 1) * %6$s // %7$s), %2$s + to_milliseconds(p * %6$s // %7$s),
                       %6$s // %7$s // 2, (hash(s * 37 + p) %% 1001)::INT, 4000, true, 2
                FROM range(%8$d) t(s), range(1, 6) pv(p)
                WHERE p <= %7$s
                ORDER BY s, p""".formatted(project, startedAt, pageUrl, device, viewport, durationMs, pages, n),
                """
                INSERT INTO clicks
                SELECT %1$s, md5(s::VARCHAR), p, %2$s + to_milliseconds((i %% 10) * %3$s // 10), %4$s, %5$s, %6$s,
                       (hash(i * 5) %% %6$s)::INT, (hash(i * 11) %% 4000)::INT,
                       'main > section:nth-of-type(' || (hash(i * 13) %% 20) || ') > a.btn-' || (hash(i * 17) %% 10),
                       (hash(i * 19) %% 10000)::INT, (hash(i * 23) %% 10000)::INT, 'a', 'Learn more', 0, 120, 40
                FROM (SELECT i, s, 1 + (i %% 10) %% %7$s AS p FROM (SELECT i, i // 10 AS s FROM range(%8$d) t(i)))""".formatted(
                        project, startedAt, durationMs, pageUrl, device, viewport, pages, n * 10));
    }
}
