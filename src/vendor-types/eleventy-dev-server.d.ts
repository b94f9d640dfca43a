/** The parts of Eleventy's dev server (no type declarations of its own) the preview uses. */
declare module "@11ty/eleventy-dev-server" {
  export interface DevServerOptions {
    port?: number;
    domDiff?: boolean;
    messageOnStart?: () => string | false;
    /** Connect-style middleware, run before the dev server serves a file. */
    middleware?: Array<(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse, next: () => void) => void>;
    logger?: { info(...args: unknown[]): void; log(...args: unknown[]): void; error(...args: unknown[]): void };
  }
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: DevServerOptions): EleventyDevServer;
    serve(port: number): void;
    ready(): Promise<void>;
    getServerUrl(host: string, pathname?: string): string;
    /** Tells every connected browser to reload. */
    reload(event?: { files?: string[]; subtype?: string }): void;
    close(): Promise<void>;
    /** The HTTP server, made on first use. */
    readonly server: import("node:http").Server;
    /** Starts listening; replaced by the preview to choose the address it listens on. */
    _serverListen(port: number): void;
  }
}
