package dev.sightline.auth;

import io.javalin.http.Context;

/**
 * Where a dashboard request came from, for the login audit and the sign-in throttle.
 *
 * @param address the client's IP address as the server saw it
 * @param userAgent the browser's User-Agent, at most 256 characters
 */
public record Client(String address, String userAgent) {
    private static final int MAX_AGENT = 256;

    public static Client of(Context ctx) {
        String agent = ctx.header("User-Agent");
        agent = agent == null ? "" : agent;
        String address = ctx.req().getRemoteAddr();
        return new Client(address == null ? "" : address, agent.length() > MAX_AGENT ? agent.substring(0, MAX_AGENT) : agent);
    }
}
