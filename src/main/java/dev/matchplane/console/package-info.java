/**
 * The operator console at {@code /console/}: server-rendered pages (Thymeleaf) whose live parts htmx refreshes every
 * two seconds. It shows what the service already measures (queue summaries, the server registry, the shard holders, the
 * Micrometer registry, and the recent-matches list the match commit writes in the same call) and keeps no figures
 * of its own. Its login, session and CSRF protection are Spring
 * Security's, in a filter chain of its own; the admin key is the admin API's {@code admin.api-key}.
 */
@NullMarked
package dev.matchplane.console;

import org.jspecify.annotations.NullMarked;
