package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailhound.event.FieldValue;
import io.trailhound.event.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What one streaming pass over a record kept: values per wanted path, subtrees, texts. */
final class Capture {

  /**
   * Per slot: nothing, the one value (the common case, no list), an immutable one-element list
   * shared through the {@link ValueCache}, or an ArrayList of several while capturing; {@link
   * #values} replaces each by the read-only list it hands out, so repeated lookups of a slot
   * allocate nothing. {@link #values} holds the dense slots ({@link PathTrie#dense}) by slot; the
   * others a record holds are listed in {@link #extraSlots} with what they hold in {@link
   * #extraValues} (made on the first).
   */
  private final Object[] values;

  private int[] extraSlots;
  private Object[] extraValues;
  private int extras;

  /** Made on the first subtree: most records have at most {@code resources}, many none. */
  private Map<String, JsonNode> subtrees;

  private final List<String> texts;

  /** {@code dense}: {@link PathTrie#dense} of the trie whose slots are used. */
  Capture(int dense, boolean allText) {
    this.values = new Object[dense];
    this.texts = allText ? new ArrayList<>() : null;
  }

  /** What a slot holds, or null. */
  private Object held(int slot) {
    if (slot < values.length) {
      return values[slot];
    }
    int[] slots = extraSlots;
    for (int k = 0; k < extras; k++) {
      if (slots[k] == slot) {
        return extraValues[k];
      }
    }
    return null;
  }

  /** Makes a slot hold {@code held}. */
  private void hold(int slot, Object held) {
    if (slot < values.length) {
      values[slot] = held;
      return;
    }
    for (int k = 0; k < extras; k++) {
      if (extraSlots[k] == slot) {
        extraValues[k] = held;
        return;
      }
    }
    if (extraSlots == null) {
      extraSlots = new int[8];
      extraValues = new Object[8];
    } else if (extras == extraSlots.length) {
      extraSlots = Arrays.copyOf(extraSlots, extras * 2);
      extraValues = Arrays.copyOf(extraValues, extras * 2);
    }
    extraSlots[extras] = slot;
    extraValues[extras] = held;
    extras++;
  }

  @SuppressWarnings("unchecked")
  void add(int slot, FieldValue value) {
    Object held = held(slot);
    if (held == null) {
      hold(slot, value);
    } else if (held instanceof ArrayList<?> building) {
      ((ArrayList<FieldValue>) building).add(value);
    } else {
      List<FieldValue> list = new ArrayList<>(4);
      if (held instanceof FieldValue one) {
        list.add(one);
      } else {
        list.addAll((List<FieldValue>) held);
      }
      list.add(value);
      hold(slot, list);
    }
  }

  /**
   * Adds the one value of {@code single}, an immutable one-element list that is kept as the slot's
   * answer when it is the slot's only value (see {@link ValueCache}).
   */
  @SuppressWarnings("unchecked")
  void add(int slot, List<FieldValue> single) {
    Object held = held(slot);
    if (held == null) {
      hold(slot, single);
    } else if (held instanceof ArrayList<?> building) {
      ((ArrayList<FieldValue>) building).add(single.get(0));
    } else {
      List<FieldValue> list = new ArrayList<>(4);
      if (held instanceof FieldValue one) {
        list.add(one);
      } else {
        list.addAll((List<FieldValue>) held);
      }
      list.add(single.get(0));
      hold(slot, list);
    }
  }

  /**
   * The values of a slot. Once read, a slot must not be added to (the capture is complete before
   * anyone reads it). Racing readers on other threads at worst each build an equal list.
   */
  @SuppressWarnings("unchecked")
  List<FieldValue> values(int slot) {
    Object held = held(slot);
    if (held == null) {
      return List.of();
    }
    if (held instanceof FieldValue one) {
      List<FieldValue> list = single(one);
      hold(slot, list);
      return list;
    }
    if (held instanceof ArrayList<?> building) {
      List<FieldValue> list = Collections.unmodifiableList((List<FieldValue>) building);
      hold(slot, list);
      return list;
    }
    return (List<FieldValue>) held;
  }

  /** The first value of a slot, or null; builds no list. */
  @SuppressWarnings("unchecked")
  FieldValue first(int slot) {
    Object held = held(slot);
    if (held == null) {
      return null;
    }
    if (held instanceof FieldValue one) {
      return one;
    }
    return ((List<FieldValue>) held).get(0);
  }

  /** How many values a slot holds; builds no list. */
  @SuppressWarnings("unchecked")
  int count(int slot) {
    Object held = held(slot);
    if (held == null) {
      return 0;
    }
    if (held instanceof FieldValue) {
      return 1;
    }
    return ((List<FieldValue>) held).size();
  }

  private static final List<FieldValue> TRUE = List.of(FieldValue.Bool.TRUE);
  private static final List<FieldValue> FALSE = List.of(FieldValue.Bool.FALSE);
  private static final List<FieldValue> NULL = List.of(FieldValue.Null.INSTANCE);
  private static final List<FieldValue> OBJECT = List.of(FieldValue.Container.OBJECT);
  private static final List<FieldValue> ARRAY = List.of(FieldValue.Container.ARRAY);

  /** A one-element list; shared for the constants, which many records hold. */
  private static List<FieldValue> single(FieldValue v) {
    if (v == FieldValue.Bool.TRUE) {
      return TRUE;
    }
    if (v == FieldValue.Bool.FALSE) {
      return FALSE;
    }
    if (v == FieldValue.Null.INSTANCE) {
      return NULL;
    }
    if (v == FieldValue.Container.OBJECT) {
      return OBJECT;
    }
    if (v == FieldValue.Container.ARRAY) {
      return ARRAY;
    }
    return Collections.singletonList(v);
  }

  /**
   * The subtree root the byte-level capture checked without building its tree, and where its value
   * lies in the record ({@code [lazyFrom, lazyTo)}); null when none. A record has at most one (the
   * normaliser's {@code resources}); any further ones are kept in {@link #ranges}.
   */
  private String lazyRoot;

  private int lazyFrom;
  private int lazyTo;

  /** Lazy subtree roots after the first: {@code {from, to}} by root; null when none. */
  private Map<String, int[]> ranges;

  /** The normaliser's resources, when the byte-level capture read them; else null. */
  private List<Resource> resources;

  /** A subtree root checked in place: its tree is built from the record only when asked for. */
  void lazySubtree(String root, int from, int to, List<Resource> resources) {
    if (lazyRoot == null) {
      lazyRoot = root;
      lazyFrom = from;
      lazyTo = to;
    } else {
      if (ranges == null) {
        ranges = new HashMap<>(2);
      }
      ranges.put(root, new int[] {from, to});
    }
    this.resources = resources;
  }

  /**
   * Every subtree, those kept as ranges of {@code raw} (the record captured) built now (see {@link
   * #lazySubtree}).
   */
  Map<String, JsonNode> subtrees(byte[] raw) {
    if (lazyRoot == null) {
      return subtrees();
    }
    Map<String, JsonNode> all = new HashMap<>(subtrees());
    all.put(lazyRoot, ByteCapturer.tree(raw, lazyFrom, lazyTo));
    if (ranges != null) {
      for (Map.Entry<String, int[]> e : ranges.entrySet()) {
        int[] range = e.getValue();
        all.put(e.getKey(), ByteCapturer.tree(raw, range[0], range[1]));
      }
    }
    return all;
  }

  /** The remembered {@code userIdentity} this record's values came from, or null. */
  private Memo memo;

  void memo(Memo memo) {
    this.memo = memo;
  }

  Memo memo() {
    return memo;
  }

  /** The resources read with a lazy subtree, or null. */
  List<Resource> resources() {
    return resources;
  }

  void subtree(String root, JsonNode node) {
    if (subtrees == null) {
      subtrees = new HashMap<>(4);
    }
    subtrees.put(root, node);
  }

  Map<String, JsonNode> subtrees() {
    return subtrees == null ? Map.of() : subtrees;
  }

  JsonNode subtree(String root) {
    return subtrees == null ? null : subtrees.get(root);
  }

  /** Every string and number in document order, or null when not captured. */
  List<String> texts() {
    return texts;
  }

  void text(String text) {
    texts.add(text);
  }
}
