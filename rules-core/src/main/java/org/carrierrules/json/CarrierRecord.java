package org.carrierrules.json;

import org.carrierrules.supervision.Carrier;

/**
 * One record of a carrier file: either a carrier ready to review or the reason it is not. Either
 * way it keeps its place in the file, so that results line up with inputs one for one.
 */
public sealed interface CarrierRecord {
    /** 1-based position in the file. */
    int position();

    /** 1-based line where the record starts. */
    int line();

    /** The carrier's id as far as it could be read, or null. */
    String carrierId();

    record Valid(int position, int line, Carrier carrier) implements CarrierRecord {
        @Override
        public String carrierId() {
            return carrier.carrierId();
        }
    }

    record Invalid(int position, int line, String carrierId, InputError error) implements CarrierRecord {
    }
}
