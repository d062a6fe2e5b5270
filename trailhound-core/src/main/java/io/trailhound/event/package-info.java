/** The event model: raw record plus normalised view, and the field-path semantics rules rely on. */
package io.trailhound.event;
