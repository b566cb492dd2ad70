package org.tradegateway.core;

/**
 * Why a query is not answered with data. Each dialect decides how a kind is shown to its clients (the legacy API:
 * a validation block with status 5002..5005; others: their own status codes and bodies); the message is written
 * for the person who sent the query.
 */
public abstract sealed class QueryFailure extends RuntimeException
        permits QueryFailure.Invalid, QueryFailure.TooComplex, QueryFailure.TooLarge, QueryFailure.TimedOut,
        QueryFailure.Unavailable {

    /** The kinds of failure, for a dialect's exhaustive switch. */
    public enum Kind {
        /** A parameter value that is not valid. */
        INVALID,
        /** A query the gateway will not plan (too many codes, every reporter and every partner). */
        TOO_COMPLEX,
        /** More records than the caller may ask for. */
        TOO_LARGE,
        /** A statement PostgreSQL stopped at the statement timeout. */
        TIMED_OUT,
        /** The database cannot be used now (down, unresponsive, breaker open): retry later. */
        UNAVAILABLE,
        /** Too many large answers under way: retry later. */
        BUSY
    }

    private QueryFailure(String message) {
        super(message, null, false, false);
    }

    public abstract Kind kind();

    public static QueryFailure invalid(String message) {
        return new Invalid(message);
    }

    public static QueryFailure complex(String message) {
        return new TooComplex(message);
    }

    public static QueryFailure tooLarge(String message) {
        return new TooLarge(message);
    }

    public static QueryFailure timedOut(String message) {
        return new TimedOut(message);
    }

    public static Unavailable unavailable(String message, long retryAfterSeconds) {
        return new Unavailable(message, retryAfterSeconds, Kind.UNAVAILABLE);
    }

    public static Unavailable busy(String message, long retryAfterSeconds) {
        return new Unavailable(message, retryAfterSeconds, Kind.BUSY);
    }

    public static final class Invalid extends QueryFailure {
        private Invalid(String message) {
            super(message);
        }

        @Override
        public Kind kind() {
            return Kind.INVALID;
        }
    }

    public static final class TooComplex extends QueryFailure {
        private TooComplex(String message) {
            super(message);
        }

        @Override
        public Kind kind() {
            return Kind.TOO_COMPLEX;
        }
    }

    public static final class TooLarge extends QueryFailure {
        private TooLarge(String message) {
            super(message);
        }

        @Override
        public Kind kind() {
            return Kind.TOO_LARGE;
        }
    }

    public static final class TimedOut extends QueryFailure {
        private TimedOut(String message) {
            super(message);
        }

        @Override
        public Kind kind() {
            return Kind.TIMED_OUT;
        }
    }

    /** The gateway cannot answer now, for the database or for load: HTTP 503 with Retry-After in every dialect. */
    public static final class Unavailable extends QueryFailure {
        private final long retryAfterSeconds;
        private final Kind kind;

        private Unavailable(String message, long retryAfterSeconds, Kind kind) {
            super(message);
            this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
            this.kind = kind;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }

        @Override
        public Kind kind() {
            return kind;
        }
    }
}
