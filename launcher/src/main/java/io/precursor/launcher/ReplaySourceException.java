package io.precursor.launcher;

/** A replay's input cannot be read at all; the message names the file or the AWS call and why. */
final class ReplaySourceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ReplaySourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
