/** `actito-mock healthcheck`: exit 0 when the mock on PORT (8080) answers GET /__mock/health, 1 otherwise. */
export async function healthcheckCommand(
  env: NodeJS.ProcessEnv,
  print: (line: string) => void,
): Promise<number> {
  const url = `http://127.0.0.1:${env.PORT || '8080'}/__mock/health`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    print(`${url}: ${response.status}`);
    return response.ok ? 0 : 1;
  } catch (error) {
    print(`${url}: ${(error as Error).message}`);
    return 1;
  }
}
