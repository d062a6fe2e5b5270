/**
 * Log sources: turning user arguments into inputs ({@link io.trailhound.source.InputSpec}) and
 * counting what could not be read ({@link io.trailhound.source.Skip}). One sub-package per log
 * type.
 */
package io.trailhound.source;
