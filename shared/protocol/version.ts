/** The wire protocol's version; the server sends it in every join ack so clients can refuse a mismatch. */
export const PROTOCOL_VERSION = 1
