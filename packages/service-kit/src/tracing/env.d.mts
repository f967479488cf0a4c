export declare function tracingRequested(env?: Record<string, string | undefined>): boolean;
export declare const instrumentedMarker: unique symbol;
