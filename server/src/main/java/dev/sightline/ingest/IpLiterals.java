package dev.sightline.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Parses IP address text without ever resolving a host name (a forged header must not cause DNS lookups). */
final class IpLiterals {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpLiterals() {
    }

    static InetAddress parse(String text) {
        String candidate = text == null ? "" : text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        boolean literal = IPV4.matcher(candidate).matches() || (candidate.contains(":") && IPV6.matcher(candidate).matches());
        try {
            return InetAddress.getByName(literal ? candidate : "0.0.0.0");
        } catch (UnknownHostException e) {
            try {
                return InetAddress.getByAddress(new byte[4]);
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
