package dev.openuapi.files;

/**
 * Fired at start-up, inside one transaction, when {@code openuapi.homes.root} is not the root the stored paths were
 * written under: each feature that keeps a path below a home rewrites {@code from/...} to {@code to/...}. Both are
 * real absolute paths without a trailing slash.
 */
public record HomesRootMoved(String from, String to) {
}
