package dev.sightline.auth;

import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.LoginSession;

/** The account behind a request, and the login it came through. */
public record SignedIn(Account account, LoginSession login) {
}
