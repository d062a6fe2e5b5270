package io.trailhound.source.cloudtrail;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.trailhound.event.FieldValue;
import io.trailhound.event.TreeFields;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One streaming pass over a record that keeps the values of the wanted paths and steps over every
 * other member. Values are converted exactly as {@link TreeFields} converts the nodes {@link
 * ObjectMapper#readTree} would build, so a captured path answers the same as the tree. A member
 * name repeated in any object of the record (skipped ones too) fails the capture with the same
 * "Duplicate field" error Jackson's strict duplicate detection raises, so the caller can fall back
 * to the tree (whose last value wins); the subtree mapper must fail on duplicates likewise.
 */
final class Capturer {

  private final PathTrie trie;
  private final boolean allText;
  private final ObjectMapper mapper;
  private final MemberNames names = new MemberNames();
  private final ValueCache cache = new ValueCache();
  private JsonParser p;
  private Capture capture;

  Capturer(PathTrie trie, boolean allText, Jackson jackson) {
    this.trie = trie;
    this.allText = allText;
    this.mapper = jackson.subtrees;
  }

  /** Captures from a parser positioned on the record's START_OBJECT. */
  Capture capture(JsonParser parser) throws IOException {
    this.p = parser;
    this.capture = new Capture(trie.dense(), allText);
    names.clear();
    object(trie.root());
    Capture done = capture;
    this.capture = null;
    this.p = null;
    return done;
  }

  private void object(PathTrie.Node node) throws IOException {
    if (!node.hasChildren() && !allText) {
      skip(JsonToken.START_OBJECT);
      return;
    }
    names.open();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = name();
      PathTrie.Node child = node.child(name);
      JsonToken t = p.nextToken();
      if (child == null) {
        skipOrText(t);
      } else if (child.subtree()) {
        subtree(name, t);
      } else {
        value(t, child);
      }
    }
    names.close();
  }

  /** The current member name, checked against its object's other names. */
  private String name() throws IOException {
    String name = p.currentName();
    if (!names.add(name)) {
      throw new JsonParseException(p, "Duplicate field '" + name + "'");
    }
    return name;
  }

  /** Steps over the value starting with {@code t}, checking member names as it goes. */
  private void skip(JsonToken t) throws IOException {
    if (t == JsonToken.START_OBJECT) {
      names.open();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        name();
        skip(p.nextToken());
      }
      names.close();
    } else if (t == JsonToken.START_ARRAY) {
      JsonToken n;
      while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
        skip(n);
      }
    }
  }

  private void subtree(String name, JsonToken t) throws IOException {
    JsonNode node = mapper.readTree(p);
    capture.subtree(name, node);
    if (allText) {
      visitText(node);
    }
  }

  private void value(JsonToken t, PathTrie.Node node) throws IOException {
    int slot = node.slot();
    if (t == JsonToken.START_OBJECT) {
      if (slot >= 0) {
        capture.add(slot, FieldValue.Container.OBJECT);
      }
      object(node);
    } else if (t == JsonToken.START_ARRAY) {
      array(node, slot >= 0);
    } else if (slot >= 0 && node.shared() && t == JsonToken.VALUE_STRING) {
      List<FieldValue> one = cache.text(p);
      capture.add(slot, one);
      text(one.get(0));
    } else {
      FieldValue v = scalar(t);
      if (slot >= 0) {
        capture.add(slot, v);
      }
      text(v);
    }
  }

  /** An array is transparent for longer paths; at the end of a path each element is a value. */
  private void array(PathTrie.Node node, boolean emit) throws IOException {
    boolean empty = true;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      empty = false;
      if (t == JsonToken.START_OBJECT) {
        if (emit) {
          capture.add(node.slot(), FieldValue.Container.OBJECT);
        }
        object(node);
      } else if (t == JsonToken.START_ARRAY) {
        if (emit) {
          capture.add(node.slot(), FieldValue.Container.ARRAY);
        }
        array(node, false);
      } else if (emit && node.shared() && t == JsonToken.VALUE_STRING) {
        List<FieldValue> one = cache.text(p);
        capture.add(node.slot(), one);
        text(one.get(0));
      } else {
        FieldValue v = scalar(t);
        if (emit) {
          capture.add(node.slot(), v);
        }
        text(v);
      }
    }
    if (empty && emit) {
      capture.add(node.slot(), FieldValue.Container.ARRAY);
    }
  }

  private void skipOrText(JsonToken t) throws IOException {
    if (!allText) {
      skip(t);
      return;
    }
    if (t == JsonToken.START_OBJECT) {
      names.open();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        name();
        skipOrText(p.nextToken());
      }
      names.close();
    } else if (t == JsonToken.START_ARRAY) {
      JsonToken n;
      while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
        skipOrText(n);
      }
    } else {
      text(scalar(t));
    }
  }

  private void text(FieldValue v) {
    if (allText && (v instanceof FieldValue.Text || v instanceof FieldValue.Num)) {
      capture.text(v.text());
    }
  }

  private void visitText(JsonNode node) {
    if (node.isTextual()) {
      capture.text(node.textValue());
    } else if (node.isNumber()) {
      capture.text(node.asText());
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        visitText(element);
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        visitText(e.getValue());
      }
    }
  }

  private FieldValue scalar(JsonToken t) throws IOException {
    switch (t) {
      case VALUE_STRING:
        return new FieldValue.Text(p.getText());
      case VALUE_TRUE:
        return FieldValue.Bool.TRUE;
      case VALUE_FALSE:
        return FieldValue.Bool.FALSE;
      case VALUE_NULL:
        return FieldValue.Null.INSTANCE;
      case VALUE_NUMBER_INT:
        return TreeFields.scalar(intNode());
      case VALUE_NUMBER_FLOAT:
        return TreeFields.scalar(DoubleNode.valueOf(p.getDoubleValue()));
      default:
        throw new IOException("unexpected token " + t);
    }
  }

  /** The node Jackson's tree deserializer builds for an integer (default features). */
  private JsonNode intNode() throws IOException {
    switch (p.getNumberType()) {
      case INT:
        return IntNode.valueOf(p.getIntValue());
      case LONG:
        return LongNode.valueOf(p.getLongValue());
      default:
        return BigIntegerNode.valueOf(p.getBigIntegerValue());
    }
  }
}
