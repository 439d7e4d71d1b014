package io.ecsl.parse;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Stops at the first syntax error and hands it to {@link SyntaxMessages}, which words it for people.
 * Recovery would produce cascades of errors that only confuse; one precise error per file is better.
 */
final class FirstErrorStrategy extends DefaultErrorStrategy {
  private final SyntaxMessages messages;

  FirstErrorStrategy(SyntaxMessages messages) {
    this.messages = messages;
  }

  @Override
  public void recover(Parser recognizer, RecognitionException e) {
    throw messages.toError(recognizer, e.getOffendingToken(), expected(recognizer, e), e.getCtx());
  }

  @Override
  public Token recoverInline(Parser recognizer) {
    InputMismatchException e = new InputMismatchException(recognizer);
    throw messages.toError(recognizer, e.getOffendingToken(), recognizer.getExpectedTokens(), recognizer.getContext());
  }

  @Override
  public void sync(Parser recognizer) {
    // Default sync may report and skip tokens; instead let the next match fail and be reported once.
  }

  @Override
  public void reportError(Parser recognizer, RecognitionException e) {
    throw messages.toError(recognizer, e.getOffendingToken(), expected(recognizer, e), e.getCtx());
  }

  private static IntervalSet expected(Parser recognizer, RecognitionException e) {
    try {
      IntervalSet set = e.getExpectedTokens();
      return set != null ? set : recognizer.getExpectedTokens();
    } catch (RuntimeException ignored) {
      return recognizer.getExpectedTokens();
    }
  }

  /** SLL first pass: any error means "retry with full LL", not "report". */
  static final class Bail extends DefaultErrorStrategy {
    @Override
    public void recover(Parser recognizer, RecognitionException e) {
      throw new ParseCancellationException(e);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
      throw new ParseCancellationException(new InputMismatchException(recognizer));
    }

    @Override
    public void sync(Parser recognizer) {}
  }
}
