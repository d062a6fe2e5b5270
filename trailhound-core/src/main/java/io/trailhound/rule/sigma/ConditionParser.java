package io.trailhound.rule.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses conditions by recursive descent. Precedence, least binding first: {@code or}, {@code and},
 * {@code not}, {@code 1 of}/{@code all of}, parentheses.
 */
final class ConditionParser {

  /** Stands in for a part that failed to parse, so partial trees stay non-null. */
  private static final Condition FAILED = new Condition.Ref("");

  private final Problems problems;
  private final Set<String> identifiers;

  private List<Token> tokens;
  private int next;
  private ScalarNode node;
  private boolean failed;

  private record Token(String text, int offset) {
    boolean is(String word) {
      return text.toLowerCase(Locale.ROOT).equals(word);
    }
  }

  ConditionParser(Problems problems, Set<String> identifiers) {
    this.problems = problems;
    this.identifiers = identifiers;
  }

  Condition parse(NodeTuple tuple) {
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode scalar) {
      return parseOne(scalar);
    }
    if (value instanceof SequenceNode seq && !seq.getValue().isEmpty()) {
      List<Condition> alternatives = new ArrayList<>();
      for (Node item : seq.getValue()) {
        if (!(item instanceof ScalarNode scalar)) {
          problems.error(item, "a condition must be text");
          return null;
        }
        alternatives.add(parseOne(scalar));
      }
      return alternatives.contains(null) ? null : new Condition.Or(alternatives);
    }
    problems.error(value, "'condition' must be text or a list of texts");
    return null;
  }

  private Condition parseOne(ScalarNode scalar) {
    node = scalar;
    failed = false;
    String text = scalar.getValue();
    int pipe = text.indexOf('|');
    if (pipe >= 0) {
      error(pipe, Sigma1Syntax.aggregationMessage(text.substring(pipe + 1).trim()));
      return null;
    }
    tokens = tokenize(text);
    next = 0;
    if (tokens.isEmpty()) {
      error(0, "the condition is empty");
      return null;
    }
    Condition condition = or();
    if (!failed && next < tokens.size()) {
      error(tokens.get(next).offset(), "unexpected '" + tokens.get(next).text() + "'");
    }
    return failed ? null : condition;
  }

  private static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(new Token(String.valueOf(c), i++));
      } else {
        int start = i;
        while (i < text.length()
            && !Character.isWhitespace(text.charAt(i))
            && text.charAt(i) != '('
            && text.charAt(i) != ')') {
          i++;
        }
        out.add(new Token(text.substring(start, i), start));
      }
    }
    return out;
  }

  private Condition or() {
    List<Condition> operands = new ArrayList<>(List.of(and()));
    while (!failed && peek("or")) {
      next++;
      operands.add(and());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
  }

  private Condition and() {
    List<Condition> operands = new ArrayList<>(List.of(not()));
    while (!failed && peek("and")) {
      next++;
      operands.add(not());
    }
    return operands.size() == 1 ? operands.get(0) : new Condition.And(operands);
  }

  private Condition not() {
    if (peek("not")) {
      next++;
      return new Condition.Not(not());
    }
    return primary();
  }

  private Condition primary() {
    if (failed) {
      return FAILED;
    }
    if (next >= tokens.size()) {
      Token last = tokens.get(tokens.size() - 1);
      error(last.offset() + last.text().length(), "the condition ends too early");
      return FAILED;
    }
    Token token = tokens.get(next++);
    if (token.text().equals("(")) {
      Condition inner = or();
      if (!failed && !peek(")")) {
        error(token.offset(), "'(' is never closed");
      }
      next++;
      return inner;
    }
    if (next < tokens.size() && tokens.get(next).is("of")) {
      return quantified(token);
    }
    if (isKeyword(token)) {
      error(token.offset(), "unexpected '" + token.text() + "'");
      return FAILED;
    }
    if (!identifiers.contains(token.text())) {
      error(token.offset(), "undefined search identifier '" + token.text() + "'");
    }
    return new Condition.Ref(token.text());
  }

  private Condition quantified(Token count) {
    next++;
    Condition.Quantifier quantifier;
    if (count.text().equals("1")) {
      quantifier = Condition.Quantifier.ONE;
    } else if (count.is("all")) {
      quantifier = Condition.Quantifier.ALL;
    } else {
      error(count.offset(), "only '1 of' and 'all of' are allowed, not '" + count.text() + " of'");
      return FAILED;
    }
    if (next >= tokens.size()
        || tokens.get(next).text().equals("(")
        || tokens.get(next).text().equals(")")) {
      error(count.offset(), "'" + count.text() + " of' needs a pattern or 'them'");
      return FAILED;
    }
    Token pattern = tokens.get(next++);
    Condition.Quantified q =
        new Condition.Quantified(quantifier, pattern.is("them") ? "them" : pattern.text());
    if (identifiers.stream().noneMatch(q::selects)) {
      error(pattern.offset(), "'" + pattern.text() + "' matches no search identifier");
    }
    return q;
  }

  private boolean peek(String word) {
    return next < tokens.size() && tokens.get(next).is(word);
  }

  private static boolean isKeyword(Token token) {
    return token.is("and")
        || token.is("or")
        || token.is("not")
        || token.is("of")
        || token.text().equals(")");
  }

  private void error(int offset, String message) {
    failed = true;
    boolean quoted =
        node.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED
            || node.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    boolean oneLine =
        node.getEndMark() != null
            && node.getStartMark() != null
            && node.getEndMark().getLine() == node.getStartMark().getLine()
            && node.getScalarStyle() != DumperOptions.ScalarStyle.DOUBLE_QUOTED;
    int column = Nodes.column(node) + (oneLine ? offset + (quoted ? 1 : 0) : 0);
    problems.error(Nodes.line(node), column, message);
  }
}
