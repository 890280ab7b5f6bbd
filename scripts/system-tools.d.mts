// Types for system-tools.mjs (plain JavaScript so it runs on any Node).
export declare const systemTools: { pkg: string; bin: string; env: string }[];
export declare function systemToolsEnv(): Record<string, string>;
export declare function ensureSystemTools(): string;
