/**
 * Test seam: a WeComEventHandler given to createWorkerApp({ eventHandler }) is bound here and wins over the
 * global WECOM_EVENT_HANDLER, so a spec can make processing fail or succeed on demand. Production never binds it.
 */
export const EVENT_HANDLER_OVERRIDE = Symbol('EVENT_HANDLER_OVERRIDE');
