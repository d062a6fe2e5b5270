package io.trailhound.source.cloudtrail;

import io.trailhound.event.Actor;

/**
 * An object the byte-level capture read and remembered (see {@link PathTrie#memo}): its bytes, and
 * the values captured from them in the order they were added. Records whose {@code userIdentity} is
 * the same remembered object also share its normalised {@link Actor} (see {@link #actor}).
 * Immutable but for that actor; used by one worker thread, the one that captured it.
 */
final class Memo {

  /** The member whose value this is: equal bytes at another member stand for other values. */
  final PathTrie.Node node;

  final byte[] bytes;
  final int length;

  /** Whether the bytes were read as a JSON line (newlines not whitespace). */
  final boolean line;

  /** Per value, its slot shifted left by one, plus one for a one-element list. */
  final int[] slots;

  /** The values: {@code FieldValue}s and one-element lists of one. */
  final Object[] values;

  /**
   * The actor the normaliser made of a record that held this object, or null: every input of an
   * actor but its MFA flag is under {@code userIdentity}.
   */
  Actor actor;

  /**
   * The session's MFA flag ({@code mfaAuthenticated}) as the normaliser read it with {@link
   * #actor}.
   */
  Boolean sessionMfa;

  Memo(PathTrie.Node node, byte[] bytes, boolean line, int[] slots, Object[] values) {
    this.node = node;
    this.bytes = bytes;
    this.length = bytes.length;
    this.line = line;
    this.slots = slots;
    this.values = values;
  }
}
