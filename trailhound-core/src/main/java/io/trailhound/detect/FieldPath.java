package io.trailhound.detect;

/** A dotted field path with the slot its values are cached in. */
record FieldPath(String path, int id) {}
