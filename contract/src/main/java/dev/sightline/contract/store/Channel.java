package dev.sightline.contract.store;

/** Where a session came from, decided from its referrer and UTM parameters. */
public enum Channel {
    DIRECT, ORGANIC_SEARCH, PAID, SOCIAL, EMAIL, REFERRAL, AI_TOOLS
}
