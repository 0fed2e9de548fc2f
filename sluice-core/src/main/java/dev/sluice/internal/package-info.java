/**
 * Sluice's implementation: sources, one class per stage, the runner and the bounded hand-off. Not
 * exported; nothing here is API.
 */
package dev.sluice.internal;
