/** The implementation of {@code dev.sluice.jdbc}; not exported. */
package dev.sluice.jdbc.internal;
