package dev.featurestore.registry.python;

/** Token kinds of Python's tokenizer ({@code token} module), restricted to what we produce. */
public enum TokenKind {
  NAME,
  NUMBER,
  STRING,
  OP,
  /** End of a logical line. */
  NEWLINE,
  /** A line break that does not end a logical line: blank lines, comment lines, inside brackets. */
  NL,
  COMMENT,
  INDENT,
  DEDENT,
  ENDMARKER
}
