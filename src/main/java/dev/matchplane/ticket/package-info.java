@NullMarked
package dev.matchplane.ticket;

import org.jspecify.annotations.NullMarked;
