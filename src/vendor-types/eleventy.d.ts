/** Eleventy 3 ships no type declarations; this is the programmatic API the build uses. */
declare module "@11ty/eleventy" {
  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    pathPrefix?: string;
    /** "cli" makes the input and output given to the constructor win over the config file's. */
    source?: "cli" | "script";
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
}
