package io.precursor.ingest.slowlog;

import java.util.Locale;

/** One lexical token of a MySQL statement; comments are never tokens. */
record SqlToken(Kind kind, String text) {

  enum Kind {
    /** A keyword or an unquoted identifier. */
    WORD,
    /** A backtick-quoted identifier; the text is without the backticks. */
    QUOTED_IDENTIFIER,
    /** A quoted string literal, with its quotes. */
    STRING,
    NUMBER,
    /** Any other single character: parentheses, commas, dots, operators. */
    SYMBOL
  }

  boolean isWord(String upperCase) {
    return kind == Kind.WORD && text.equalsIgnoreCase(upperCase);
  }

  boolean isSymbol(char symbol) {
    return kind == Kind.SYMBOL && text.charAt(0) == symbol;
  }

  /** The word in upper case, for keyword comparisons. */
  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }
}
