/** The largest request either door takes (the HTTP body, the cloud function's event as JSON): 1 MB. */
export const BODY_LIMIT = 1024 * 1024
