/** Whole-tree checks of Sigma rules, reporting every problem with its file, line and column. */
package io.trailhound.rule.lint;
