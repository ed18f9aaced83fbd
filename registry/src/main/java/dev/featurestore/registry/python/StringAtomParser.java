package dev.featurestore.registry.python;

import dev.featurestore.core.error.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a run of adjacent string tokens into one constant ({@code "a" "b"} is {@code "ab"}) or,
 * when any of them is an f-string, into one {@link Expr.FString}. Replacement fields are parsed as
 * expressions with their real file positions.
 */
final class StringAtomParser {
  private final String file;
  private final TokenCursor in;

  StringAtomParser(String file, TokenCursor in) {
    this.file = file;
    this.in = in;
  }

  Expr parse() {
    Token first = in.peek();
    List<Expr.FStringPart> parts = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean anyBytes = false;
    boolean anyText = false;
    boolean anyFormatted = false;
    Token last = first;
    while (in.at(TokenKind.STRING)) {
      Token token = in.advance();
      last = token;
      StringLiterals.Literal literal = StringLiterals.split(token);
      if (literal.bytes()) {
        anyBytes = true;
        bytes.writeBytes(StringLiterals.toBytes(literal, token.location()));
      } else {
        anyText = true;
        if (literal.formatted()) {
          anyFormatted = true;
          parts.addAll(new FStringSplitter(file, in.source(), token, literal).parts());
        } else {
          String value = literal.raw() ? literal.body() : StringLiterals.unescape(literal.body(), token.location());
          parts.add(new Expr.FStringLiteral(value));
        }
      }
      if (anyBytes && anyText) {
        throw in.error(token.location(), "cannot mix bytes and nonbytes literals");
      }
    }
    SourceLocation location = first.location();
    if (anyBytes) {
      return new Expr.Constant(bytes.toByteArray(), location);
    }
    List<Expr.FStringPart> merged = mergeLiterals(parts);
    if (!anyFormatted) {
      String value = merged.isEmpty() ? "" : ((Expr.FStringLiteral) merged.get(0)).text();
      return new Expr.Constant(value, location);
    }
    return new Expr.FString(merged, in.text(first, last), location);
  }

  private static List<Expr.FStringPart> mergeLiterals(List<Expr.FStringPart> parts) {
    List<Expr.FStringPart> merged = new ArrayList<>();
    StringBuilder pending = null;
    for (Expr.FStringPart part : parts) {
      if (part instanceof Expr.FStringLiteral literal) {
        pending = pending == null ? new StringBuilder() : pending;
        pending.append(literal.text());
      } else {
        if (pending != null) {
          merged.add(new Expr.FStringLiteral(pending.toString()));
          pending = null;
        }
        merged.add(part);
      }
    }
    if (pending != null) {
      merged.add(new Expr.FStringLiteral(pending.toString()));
    }
    return merged;
  }
}
