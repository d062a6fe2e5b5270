package io.trailhound.investigate;

import java.util.List;

/**
 * How urgent an investigation is: finding severity × actor privilege × resource sensitivity ×
 * source confidence, each factor with the reason it has its value.
 *
 * @param score the product, rounded to two decimals (1 to about 20)
 * @param factors the four factors in that order
 */
public record Triage(double score, List<Factor> factors) {

  public Triage {
    factors = List.copyOf(factors);
  }

  /**
   * One factor.
   *
   * @param name {@code severity}, {@code privilege}, {@code sensitivity}, {@code confidence}
   * @param value its multiplier
   * @param reason why
   */
  public record Factor(String name, double value, String reason) {}
}
