export async function benchIndex(_argv: string[]): Promise<void> {}
