export async function runIndexCommand(_a: string[]): Promise<number> { return 2; }
export async function runSearchCommand(_a: string[]): Promise<number> { return 2; }
export async function runDocCommand(_a: string[]): Promise<number> { return 2; }
