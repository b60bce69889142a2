/** What `hopwatch` exits with; scripts may rely on these (README, "The hopwatch CLI"). */
export const EXIT = {
  ok: 0,
  /** The server refused a change, or something unexpected happened. */
  failed: 1,
  /** Unknown command or option, or a bad option value. */
  usage: 2,
  /** The config file does not parse, does not match the schema, or names what does not exist. */
  invalidConfig: 3,
  /** The server could not be reached, or refused the API key. */
  unreachable: 4,
  /** The site named on the command line does not exist. */
  notFound: 5,
  /** A check failed, or `status` found a site down or an incident open. */
  degraded: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error that ends the command with this exit code and message. */
export class CliError extends Error {
  constructor(readonly exitCode: ExitCode, message: string) {
    super(message);
  }
}
