// Types of scripts/boilerplateData.mjs, for the tests that import it.
export declare const BOILERPLATE_DIR: string;
export declare const BOILERPLATE_JSON: string;
export declare function readBoilerplateSources(): { file: string; [field: string]: unknown }[];
export declare function boilerplateJson(): string;
export declare function writeBoilerplateJson(): void;
