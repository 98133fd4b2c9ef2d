// Controllers and providers of this context, registered in ../features.ts.
export const controllers: (new (...args: never[]) => unknown)[] = [];
export const providers: (new (...args: never[]) => unknown)[] = [];
