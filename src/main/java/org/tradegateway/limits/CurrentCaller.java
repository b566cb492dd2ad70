package org.tradegateway.limits;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, as the limit filter recognised it. */
@RequestScoped
public class CurrentCaller {
    private Caller caller;

    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
