package dev.lms.idempotency;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** A request with an Idempotency-Key whose method failed: {@link RefusalRecorder} stores its response if it is kept. */
@RequestScoped
public class IdempotentRequest {

    record Refused(UUID user, String key, String fingerprint) {}

    private Refused refused;

    void refused(UUID user, String key, String fingerprint) {
        this.refused = new Refused(user, key, fingerprint);
    }

    /** The refusal to record, once. */
    Refused takeRefusal() {
        Refused taken = refused;
        refused = null;
        return taken;
    }
}
