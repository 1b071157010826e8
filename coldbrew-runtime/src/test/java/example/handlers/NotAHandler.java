package example.handlers;

/** A class that implements no handler interface. */
public final class NotAHandler {
    public String handle(String input) {
        return input;
    }
}
