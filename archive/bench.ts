export async function runBench(_a: string[]): Promise<number> { return 0; }
