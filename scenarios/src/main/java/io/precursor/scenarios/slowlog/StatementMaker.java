package io.precursor.scenarios.slowlog;

import java.util.Random;

/** Makes one statement of a kind, with random parameters. */
@FunctionalInterface
public interface StatementMaker {
  Statement make(Random random);
}
