package io.mergegate.engine;

/**
 * Bad input from the user (options, config, repository, revision): exit code 2 with one readable
 * line naming the input at fault.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
