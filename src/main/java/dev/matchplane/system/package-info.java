@NullMarked
package dev.matchplane.system;

import org.jspecify.annotations.NullMarked;
