@NullMarked
package dev.matchplane.matching;

import org.jspecify.annotations.NullMarked;
