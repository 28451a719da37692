export const root: string;
export function runStep(name: string, args: string[], env?: NodeJS.ProcessEnv): void;
export function runTogether(commands: [string, string[]][], env?: NodeJS.ProcessEnv): void;
