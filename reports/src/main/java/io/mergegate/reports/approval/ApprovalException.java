package io.mergegate.reports.approval;

/** An approval that must not be trusted, or a key that cannot be used; the message says why. */
public class ApprovalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApprovalException(String message) {
        super(message);
    }

    public ApprovalException(String message, Throwable cause) {
        super(message, cause);
    }
}
